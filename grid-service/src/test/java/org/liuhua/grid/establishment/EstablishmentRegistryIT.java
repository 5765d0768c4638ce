package org.liuhua.grid.establishment;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.liuhua.events.Topics;
import org.liuhua.events.grid.EstablishmentChanged;
import org.liuhua.events.grid.EstablishmentRegistered;
import org.liuhua.grid.GridIT;
import org.liuhua.kit.outbox.EventJson;
import org.liuhua.kit.test.TestHttp;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class EstablishmentRegistryIT extends GridIT {

    @Test
    void anEstablishmentIsRegisteredOncePublishedAndChangedWithANewRevision() {
        Place place = place(TOWN, "GENERAL");
        String id = unique("est-jinfeng");
        Map<String, Object> body = establishment(id, place, "MAJOR");
        body.put("flags", List.of("METAL_SMELTING", "DUST_EXPLOSION"));

        TestHttp.Response created = admin().post("/api/v1/establishments", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("colour").asString()).isEqualTo("RED");
        assertThat(created.json().get("townId").asString()).isEqualTo(TOWN);
        assertThat(created.json().get("villageId").asString()).isEqualTo(place.villageId());
        assertThat(admin().post("/api/v1/establishments", body).status()).isEqualTo(200);
        Map<String, Object> different = new HashMap<>(body);
        different.put("name", "别的名字");
        assertThat(admin().post("/api/v1/establishments", different).status()).isEqualTo(409);

        var registered = events(Topics.GRID, id, "liuhua.grid.establishment-registered.v1", 1);
        EstablishmentRegistered payload = EventJson.read(registered.get(0).value(), EstablishmentRegistered.class);
        assertThat(payload.unitId()).isEqualTo(place.unitId());
        assertThat(payload.flags()).containsExactly("DUST_EXPLOSION", "METAL_SMELTING");

        different.put("riskLevel", "SIGNIFICANT");
        TestHttp.Response changed = admin().put("/api/v1/establishments/" + id, different);
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().get("colour").asString()).isEqualTo("ORANGE");
        var changes = events(Topics.GRID, id, "liuhua.grid.establishment-changed.v1", 1);
        EstablishmentChanged change = EventJson.read(changes.get(0).value(), EstablishmentChanged.class);
        assertThat(change.riskLevel()).isEqualTo("SIGNIFICANT");
        assertThat(change.revision()).isEqualTo(2);
    }

    @Test
    void establishmentsInNoUnitAreListedAndListsFilter() {
        Place place = place(TOWN, "GENERAL");
        String unassigned = unique("est-jinfeng");
        Map<String, Object> body = establishment(unassigned, place, "LOW");
        body.remove("unitId");
        body.put("townId", TOWN);
        body.put("flags", List.of("CONFINED_SPACE"));
        assertThat(admin().post("/api/v1/establishments", body).status()).isEqualTo(201);
        String inUnit = registerEstablishment(place, "LOW");

        List<String> list = allItems(admin(), "/api/v1/establishments?unassigned=true", "id");
        assertThat(list).contains(unassigned).doesNotContain(inUnit);
        JsonNode byUnit = admin().get("/api/v1/establishments?unitId=" + place.unitId()).json();
        assertThat(byUnit.get("items").findValuesAsString("id")).containsExactly(inUnit);
        List<String> byFlag = allItems(admin(), "/api/v1/establishments?flag=CONFINED_SPACE&townId=" + TOWN, "id");
        assertThat(byFlag).contains(unassigned).doesNotContain(inUnit);
        String tenant = unique("est-jinfeng");
        Map<String, Object> tenantBody = establishment(tenant, place, "GENERAL");
        tenantBody.put("landlordId", inUnit);
        ok(admin().post("/api/v1/establishments", tenantBody));
        assertThat(admin().get("/api/v1/establishments?landlordId=" + inUnit).json().get("items")
                .findValuesAsString("id")).containsExactly(tenant);
        JsonNode paged = admin().get("/api/v1/establishments?unitId=" + place.unitId() + "&page=0&size=1").json();
        assertThat(paged.get("totalElements").asInt()).isEqualTo(2);
        assertThat(paged.get("items").size()).isEqualTo(1);
    }

    @Test
    void aChangeThatLeavesOutAFieldClearsIt() {
        Place place = place(TOWN, "GENERAL");
        String landlord = registerEstablishment(place, "LOW");
        String id = unique("est-jinfeng");
        Map<String, Object> body = establishment(id, place, "LOW");
        body.put("landlordId", landlord);
        body.put("industry", "TEXTILES");
        ok(admin().post("/api/v1/establishments", body));
        body.remove("landlordId");
        body.remove("industry");
        body.remove("unitId");
        body.put("townId", TOWN);
        TestHttp.Response changed = admin().put("/api/v1/establishments/" + id, body);
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        JsonNode stored = admin().get("/api/v1/establishments/" + id).json();
        assertThat(stored.get("landlordId").isNull()).as(stored.toString()).isTrue();
        assertThat(stored.get("industry").isNull()).isTrue();
        assertThat(stored.get("unitId").isNull()).isTrue();
        assertThat(stored.get("revision").asLong()).isEqualTo(2);
        assertThat(allItems(admin(), "/api/v1/establishments?landlordId=" + landlord, "id")).isEmpty();
        assertThat(allItems(admin(), "/api/v1/establishments?unassigned=true", "id")).contains(id);
    }

    @Test
    void listsAreSortedOnlyByTheirWhitelistedFields() {
        TestHttp.Response internal = admin().get("/api/v1/establishments?sort=officers.name,desc");
        assertThat(internal.status()).as(internal.toString()).isEqualTo(400);
        assertThat(internal.contentType()).startsWith("application/problem+json");
        assertThat(internal.json().get("errors").findValuesAsString("field")).containsExactly("sort");
        assertThat(admin().get("/api/v1/establishments?size=201").json().get("errors")
                .findValuesAsString("field")).containsExactly("size");

        Place place = place(TOWN, "GENERAL");
        String first = registerEstablishment(place, "LOW");
        String second = registerEstablishment(place, "LOW");
        List<String> newestFirst = allItems(admin(), "/api/v1/establishments?unitId=" + place.unitId()
                + "&sort=changedAt,desc", "id");
        assertThat(newestFirst).containsExactly(second, first);
        assertThat(allItems(admin(), "/api/v1/establishments?unitId=" + place.unitId() + "&sort=id,asc", "id"))
                .isSortedAccordingTo(String::compareTo);
    }

    @Test
    void badEstablishmentInputNamesTheFields() {
        place(TOWN, "GENERAL");
        TestHttp.Response bad = admin().post("/api/v1/establishments", Map.of("name", "x", "kind", "SHOP",
                "riskLevel", "PURPLE", "townId", TOWN));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").findValuesAsString("field"))
                .contains("kind", "riskLevel", "departmentId");
    }

    @Test
    void aBatchKeepsItsGoodItemsAndReportsEachBadOne() {
        Place place = place(TOWN, "GENERAL");
        List<Map<String, Object>> items = new ArrayList<>();
        items.add(establishment(unique("est-jinfeng"), place, "LOW"));
        Map<String, Object> bad = establishment(unique("est-jinfeng"), place, "LOW");
        bad.put("unitId", "no-such-unit");
        items.add(bad);
        items.add(establishment(unique("est-jinfeng"), place, "GENERAL"));
        TestHttp.Response r = admin().post("/api/v1/establishments/batch", items);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().findValuesAsString("status")).containsExactly("CREATED", "REJECTED", "CREATED");
        assertThat(r.json().get(1).get("errors").get(0).get("field").asString()).isEqualTo("unitId");
        TestHttp.Response again = admin().post("/api/v1/establishments/batch", items);
        assertThat(again.json().findValuesAsString("status")).containsExactly("UNCHANGED", "REJECTED", "UNCHANGED");
    }

    @Test
    void aSpreadsheetOf500RowsWith5BadRowsImports495AndReportsThe5() {
        Place place = place(TOWN, "GENERAL");
        String prefix = unique("est-jinfeng-csv");
        StringBuilder csv = new StringBuilder("id,name,kind,industry,departmentId,unitId,riskLevel,flags,"
                + "employeeCount,address,latitude,longitude\n");
        for (int i = 1; i <= 500; i++) {
            String kind = "INDUSTRIAL";
            String risk = "LOW";
            String employees = "12";
            String unit = place.unitId();
            switch (i) {
                case 7 -> kind = "SPACESHIP";
                case 77 -> risk = "";
                case 177 -> employees = "many";
                case 277 -> unit = "no-such-unit";
                case 477 -> kind = "";
                default -> { }
            }
            csv.append(prefix).append('-').append(i).append(",企业").append(i).append(',').append(kind)
                    .append(",MACHINERY,dept-emergency,").append(unit).append(',').append(risk)
                    .append(",DUST_EXPLOSION;CONFINED_SPACE,").append(employees).append(",地址").append(i)
                    .append(",31.93,120.62\n");
        }
        TestHttp.Response r = upload(admin(), "/api/v1/establishments/import", "jinfeng.csv",
                csv.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode report = r.json();
        assertThat(report.get("rows").asInt()).isEqualTo(500);
        assertThat(report.get("created").asInt()).isEqualTo(495);
        assertThat(report.get("rejected").asInt()).isEqualTo(5);
        List<Integer> badRows = new ArrayList<>();
        Map<Integer, String> fields = new HashMap<>();
        for (JsonNode row : report.get("results")) {
            if ("REJECTED".equals(row.get("status").asString())) {
                badRows.add(row.get("row").asInt());
                fields.put(row.get("row").asInt(), row.get("errors").get(0).get("field").asString());
                assertThat(row.get("errors").get(0).get("message").asString()).isNotBlank();
            }
        }
        assertThat(badRows).containsExactly(8, 78, 178, 278, 478);
        assertThat(fields).containsEntry(8, "kind").containsEntry(78, "riskLevel")
                .containsEntry(178, "employeeCount").containsEntry(278, "unitId").containsEntry(478, "kind");
        assertThat(admin().get("/api/v1/establishments?unitId=" + place.unitId() + "&size=1").json()
                .get("totalElements").asInt()).isEqualTo(495);
    }

    @Test
    void anXlsxSpreadsheetIsImportedToo() throws Exception {
        Place place = place(TOWN, "GENERAL");
        String id = unique("est-jinfeng-xlsx");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("底数");
            String[] headers = {"id", "name", "kind", "departmentId", "unitId", "riskLevel", "employeeCount"};
            Row header = sheet.createRow(0);
            for (int c = 0; c < headers.length; c++) {
                header.createCell(c).setCellValue(headers[c]);
            }
            Row good = sheet.createRow(1);
            Object[] values = {id, "小餐馆", "SMALL_VENUE", "dept-emergency", place.unitId(), "GENERAL", 8.0};
            for (int c = 0; c < values.length; c++) {
                if (values[c] instanceof Double d) {
                    good.createCell(c).setCellValue(d);
                } else {
                    good.createCell(c).setCellValue((String) values[c]);
                }
            }
            Row bad = sheet.createRow(2);
            bad.createCell(0).setCellValue(id + "-bad");
            bad.createCell(1).setCellValue("没有类型");
            workbook.write(out);
        }
        TestHttp.Response r = upload(admin(), "/api/v1/establishments/import", "jinfeng.xlsx", out.toByteArray());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("created").asInt()).isEqualTo(1);
        assertThat(r.json().get("rejected").asInt()).isEqualTo(1);
        assertThat(admin().get("/api/v1/establishments/" + id).json().get("employeeCount").asInt()).isEqualTo(8);
    }
}
