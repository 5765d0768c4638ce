package org.liuhua.training.staff;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.liuhua.kit.test.TestHttp;
import org.liuhua.training.TrainingIT;
import org.liuhua.training.staff.domain.IdentityNumber;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The staff registry (T-1): scope, personal data, post history, spreadsheet import. */
class StaffRegistryIT extends TrainingIT {

    public static String validId(String prefix17) {
        int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        char[] check = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (prefix17.charAt(i) - '0') * w[i];
        }
        return prefix17 + check[sum % 11];
    }

    @Test
    void anEnterpriseOfficerSeesOnlyTheirEstablishmentAndStaffOnlyThemselves() {
        String mine = establishment(JINFENG);
        String other = establishment(TANGQIAO);
        String me = staff(mine, "E001", "FRONT_LINE", "冲压工");
        String colleague = staff(mine, "E002", "FRONT_LINE", "焊工");
        String stranger = staff(other, "E001", "FRONT_LINE", "包装工");

        assertThat(enterpriseOfficer(mine).get("/api/v1/training/staff/" + me).status()).isEqualTo(200);
        TestHttp.Response foreign = enterpriseOfficer(mine).get("/api/v1/training/staff/" + stranger);
        assertThat(foreign.status()).as("another establishment's staff").isEqualTo(404);
        assertThat(foreign.contentType()).startsWith("application/problem+json");
        JsonNode page = enterpriseOfficer(mine).get("/api/v1/training/staff").json();
        assertThat(texts(page.get("items"), "id")).containsExactlyInAnyOrder(me, colleague);
        assertThat(page.get("totalElements").asInt()).isEqualTo(2);

        assertThat(staffMember(me, mine).get("/api/v1/training/staff/" + me).status()).isEqualTo(200);
        assertThat(staffMember(me, mine).get("/api/v1/training/staff/" + colleague).status())
                .as("a colleague's record").isEqualTo(404);
        assertThat(texts(staffMember(me, mine).get("/api/v1/training/staff").json().get("items"), "id"))
                .containsExactly(me);
        assertThat(staffMember(me, mine).post("/api/v1/training/staff/" + me + "/inductions", Map.of("level", "TEAM"))
                .status()).as("staff do not keep records").isEqualTo(403);

        assertThat(townOfficer(TANGQIAO).get("/api/v1/training/staff/" + me).status()).isEqualTo(404);
        assertThat(townOfficer(JINFENG).get("/api/v1/training/staff/" + me).status()).isEqualTo(200);
        assertThat(departmentOfficer("dept-industry").get("/api/v1/training/staff/" + stranger).status())
                .isEqualTo(200);
        assertThat(departmentOfficer("dept-fire").get("/api/v1/training/staff/" + stranger).status())
                .isEqualTo(404);
        assertThat(enterpriseOfficer(mine).post("/api/v1/training/staff", Map.of("establishmentId", other,
                "employeeNo", "X1", "name", "n", "role", "FRONT_LINE", "post", "p", "hireDate", "2025-01-01"))
                .status()).as("registering in another establishment").isEqualTo(404);
    }

    @Test
    void theNationalIdIsKeptOnlyHashedAndMaskedAndPhonesOnlyForTheEstablishmentAndTheCity() {
        String est = establishment(JINFENG);
        String nationalId = validId("32058219900101123");
        TestHttp.Response created = enterpriseOfficer(est).post("/api/v1/training/staff", Map.of(
                "establishmentId", est, "name", "李娜", "role", "SPECIAL_OPERATIONS", "post", "电工",
                "hireDate", "2024-05-06", "nationalId", nationalId, "phone", "13912345678"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.body()).doesNotContain(nationalId);
        assertThat(created.json().get("nationalIdMasked").asString()).isEqualTo(IdentityNumber.mask(nationalId));
        org.bson.Document stored = mongo.findById(id, org.bson.Document.class, "staff");
        assertThat(stored.toJson()).doesNotContain(nationalId).doesNotContain(nationalId.substring(6, 14));
        assertThat(stored.getString("nationalIdHash")).hasSize(64);

        assertThat(created.json().get("phone").asString()).isEqualTo("13912345678");
        assertThat(admin().get("/api/v1/training/staff/" + id).json().get("phone").asString())
                .isEqualTo("13912345678");
        assertThat(townOfficer(JINFENG).get("/api/v1/training/staff/" + id).json().get("phone").isNull()).isTrue();
        assertThat(departmentOfficer("dept-industry").get("/api/v1/training/staff?establishmentId=" + est).json()
                .get("items").get(0).get("phone").isNull()).isTrue();

        String wrongCheckDigit = nationalId.substring(0, 17) + (nationalId.endsWith("1") ? "2" : "1");
        TestHttp.Response badId = admin().post("/api/v1/training/staff", Map.of("establishmentId", est, "name", "x",
                "role", "FRONT_LINE", "post", "p", "hireDate", "2024-05-06", "nationalId", wrongCheckDigit));
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.json().get("errors").findValuesAsString("field")).contains("nationalId");
    }

    @Test
    void postChangesAreKeptAsHistory() {
        String est = establishment(JINFENG);
        String id = staff(est, "H01", "FRONT_LINE", "装配工");
        TestHttp.Response changed = admin().post("/api/v1/training/staff/" + id + "/post-changes", Map.of(
                "post", "叉车司机", "workshop", "物流部", "role", "SPECIAL_OPERATIONS", "effectiveOn", "2026-01-05",
                "note", "调岗"));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        JsonNode history = changed.json().get("history");
        assertThat(texts(history, "kind")).containsExactly("HIRED", "POST");
        assertThat(history.get(0).get("post").asString()).isEqualTo("装配工");
        assertThat(history.get(1).get("post").asString()).isEqualTo("叉车司机");
        assertThat(changed.json().get("role").asString()).isEqualTo("SPECIAL_OPERATIONS");

        TestHttp.Response left = admin().post("/api/v1/training/staff/" + id + "/departure",
                Map.of("leftOn", "2026-02-01"));
        assertThat(left.json().get("status").asString()).isEqualTo("LEFT");
        assertThat(texts(left.json().get("history"), "kind")).containsExactly("HIRED", "POST", "LEFT");
        assertThat(admin().post("/api/v1/training/staff/" + id + "/departure", Map.of("leftOn", "2026-02-02"))
                .status()).isEqualTo(409);
    }

    @Test
    void anXlsxOf300StaffWith3BadRowsImports297NamesTheBadCellsAndAReimportChangesNothing() throws Exception {
        String est = establishment(JINFENG);
        byte[] file = workbook(300);
        TestHttp.Response first = upload(enterpriseOfficer(est), "/api/v1/training/staff/import?establishmentId=" + est,
                "staff.xlsx", file);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        JsonNode report = first.json();
        assertThat(report.get("rows").asInt()).isEqualTo(300);
        assertThat(report.get("created").asInt()).isEqualTo(297);
        assertThat(report.get("rejected").asInt()).isEqualTo(3);
        assertThat(report.get("errors")).hasSize(3);
        assertThat(report.get("errors").get(0).get("row").asInt()).isEqualTo(11);
        assertThat(report.get("errors").get(0).get("field").asString()).isEqualTo("role");
        assertThat(report.get("errors").get(1).get("row").asInt()).isEqualTo(101);
        assertThat(report.get("errors").get(1).get("field").asString()).isEqualTo("hireDate");
        assertThat(report.get("errors").get(2).get("row").asInt()).isEqualTo(201);
        assertThat(report.get("errors").get(2).get("field").asString()).isEqualTo("nationalId");
        assertThat(texts(report.get("errors"), "column")).containsExactly("C", "H", "I");
        assertThat(admin().get("/api/v1/training/staff?establishmentId=" + est).json().get("totalElements").asInt())
                .isEqualTo(297);

        JsonNode again = upload(enterpriseOfficer(est), "/api/v1/training/staff/import?establishmentId=" + est,
                "staff.xlsx", file).json();
        assertThat(again.get("created").asInt()).isZero();
        assertThat(again.get("updated").asInt()).isZero();
        assertThat(again.get("unchanged").asInt()).isEqualTo(297);
        assertThat(again.get("rejected").asInt()).isEqualTo(3);
        assertThat(admin().get("/api/v1/training/staff?establishmentId=" + est).json().get("totalElements").asInt())
                .isEqualTo(297);
        assertThat(mongo.getCollection("staff").countDocuments(new org.bson.Document("establishmentId", est)
                .append("version", 0L))).as("no record was rewritten").isEqualTo(297);

        TestHttp.Response csv = upload(enterpriseOfficer(est), "/api/v1/training/staff/import?establishmentId=" + est,
                "staff.csv", ("工号(employeeNo),姓名(name),人员类别(role),岗位(post),车间(workshop),班组(team),"
                        + "入职日期(hireDate)\nE0001,员工1,FRONT_LINE,冲压工,一车间,甲班,2024-01-02\n"
                        + "C9,王芳,实习生,质检,,,2026-07-01\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(csv.json().get("unchanged").asInt()).as(csv.toString()).isEqualTo(1);
        assertThat(csv.json().get("created").asInt()).isEqualTo(1);

        TestHttp.Response template = admin().get("/api/v1/training/staff/template?format=xlsx");
        assertThat(template.status()).isEqualTo(200);
        assertThat(template.header("Content-Disposition")).contains("staff-template.xlsx");
    }

    static byte[] workbook(int rows) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("staff");
            String[] headers = {"工号(employeeNo)", "姓名(name)", "人员类别(role)", "岗位(post)", "车间(workshop)",
                    "班组(team)", "工艺(process)", "入职日期(hireDate)", "身份证号(nationalId)", "手机号(phone)"};
            Row header = sheet.createRow(0);
            for (int c = 0; c < headers.length; c++) {
                header.createCell(c).setCellValue(headers[c]);
            }
            for (int i = 1; i <= rows; i++) {
                Row row = sheet.createRow(i);
                row.createCell(0).setCellValue("E%04d".formatted(i));
                row.createCell(1).setCellValue("员工" + i);
                row.createCell(2).setCellValue(i == 10 ? "BOSS" : i % 50 == 0 ? "特种作业人员" : "FRONT_LINE");
                row.createCell(3).setCellValue("冲压工");
                row.createCell(4).setCellValue("一车间");
                row.createCell(5).setCellValue("甲班");
                row.createCell(7).setCellValue(i == 100 ? "2024-13-45" : "2024-01-02");
                if (i == 200) {
                    row.createCell(8).setCellValue("320582199001011234X");
                }
                row.createCell(9).setCellValue("1380000" + "%04d".formatted(i));
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
