package org.liuhua.reporting.monthly;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liuhua.kit.security.Roles;
import org.liuhua.kit.test.TestHttp;
import org.liuhua.kit.test.TestTokens;
import org.liuhua.kit.time.CityCalendar;
import org.liuhua.reporting.ReportingIntegrationTest;
import org.liuhua.reporting.monthly.domain.ProgressColumn;
import org.liuhua.reporting.projection.Projections;
import org.liuhua.reporting.projection.TownMonths;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monthly progress table and the warnings over HTTP with real tokens, from town-month documents of
 * the live generation (1 until a rebuild) written directly: the figures, the XLSX equal to the JSON, the scope, the
 * 400s and the content types.
 */
class MonthlyReportsIT extends ReportingIntegrationTest {

    static final String MONTH = "2025-03";

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    CityCalendar calendar;
    @Autowired
    Projections projections;

    TestHttp as(String token) {
        return new TestHttp("http://127.0.0.1:" + port, token);
    }

    TestHttp admin() {
        return as(TestTokens.user("city-admin", Roles.CITY_ADMIN));
    }

    TestHttp townOfficer(String townId) {
        return as(TestTokens.user("officer-" + townId, List.of(Roles.TOWN_OFFICER), Map.of("town_id", townId)));
    }

    /** The live generation's town-month collection ({@code town_months_v1} until a rebuild switches). */
    String townMonths() {
        return projections.active().collection(TownMonths.COLLECTION);
    }

    @BeforeEach
    void insertTownMonths() {
        assertThat(townMonths()).startsWith("town_months_v");
        mongo.save(Document.parse("""
                {"_id": "zjg-yangshe:2025-03", "townId": "zjg-yangshe", "month": "2025-03",
                 "hazards": {"reported": 40, "reportedBySource": {"SELF_CHECK": 25, "PATROL": 15},
                             "selfCheckReported": 25, "selfCheckRectified": 20, "supervisionFound": 15, "closed": 38,
                             "casesFiled": 2, "penaltyCny": 35000},
                 "grid": {"inspectionGroups": ["u1", "u2", "u3"],
                          "inspectionVisits": {"p1:e1": 1, "p1:e2": 1, "p2:e1": 1, "p2:e3": 1, "p3:e4": 1, "p3:e5": 1,
                                               "p4:e6": 1, "p4:e7": 1, "p5:e8": 1, "p5:e9": 1, "p6:e10": 1,
                                               "p6:e1": 1, "p7:e2": 1, "p7:e3": 1},
                          "inspectedEstablishments": ["e1", "e2", "e3", "e4", "e5", "e6", "e7", "e8", "e9", "e10"]},
                 "training": {"sessionAttendees": {"s1": 30, "s2": 45}, "drills": ["d1"],
                              "rates": {"establishments": 10, "learningParticipants": 9, "learningBase": 10}},
                 "manual": {"selfCheckEstablishments": ["e1", "e2", "e3", "e4", "e5", "e6", "e7", "e8", "e9", "e10",
                                                        "e11", "e12"],
                            "rulesRevisedEstablishments": ["e1", "e2", "e3"],
                            "rulesRevised": {"r1": 1, "r2": 1, "r3": 1, "r4": 1, "r5": 1}},
                 "enforcement": {"interviewedEstablishments": ["e5"]}}
                """), townMonths());
        mongo.save(Document.parse("""
                {"_id": "zjg-jinfeng:2025-03", "townId": "zjg-jinfeng", "month": "2025-03",
                 "hazards": {"reported": 2, "selfCheckReported": 1, "selfCheckRectified": 0, "supervisionFound": 1,
                             "closed": 0, "casesFiled": 1, "penaltyCny": 12345.0},
                 "grid": {"inspectionGroups": ["u9"],
                          "inspectionVisits": {"p9:f1": 1, "p9:f2": 1, "p9:f3": 1, "p9:f4": 1, "p9:f5": 1},
                          "inspectedEstablishments": ["f1", "f2", "f3", "f4", "f5"]},
                 "training": {"sessionAttendees": {"s9": 12},
                              "rates": {"establishments": 20, "learningParticipants": 10, "learningBase": 20}},
                 "manual": {"selfCheckEstablishments": ["f1", "f2", "f3", "f4"]}}
                """), townMonths());
    }

    @Test
    void theCityTableHasARowPerTownWithTheDocumentsFiguresAndTotalsOfTheRows() {
        TestHttp.Response response = admin().get("/api/v1/reports/monthly?month=" + MONTH);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        JsonNode table = response.json();
        assertThat(table.path("month").asString()).isEqualTo(MONTH);
        assertThat(table.path("title").asString()).isEqualTo("企业安全生产标准规范“落实年”专项行动情况进度统计表");
        JsonNode rows = table.path("rows");
        assertThat(rows.size()).isEqualTo(16);
        assertThat(rows.get(0).path("townId").asString()).isEqualTo("zjg-yangshe");
        assertThat(rows.get(0).path("townName").asString()).isEqualTo("杨舍镇");
        assertThat(figures(rows.get(0))).containsExactly(12.0, 25.0, 20.0, 3.0, 5.0, 75.0, 1.0, 3.0, 14.0, 15.0,
                2.0, 3.5, 1.0);
        assertThat(rows.get(2).path("townName").asString()).isEqualTo("锦丰镇");
        assertThat(figures(rows.get(2))).containsExactly(4.0, 1.0, 0.0, 0.0, 0.0, 12.0, 0.0, 1.0, 5.0, 1.0, 1.0,
                1.23, 0.0);
        assertThat(figures(rows.get(1))).containsOnly(0.0);
        assertThat(figures(table.path("totals"))).containsExactly(16.0, 26.0, 20.0, 3.0, 5.0, 87.0, 1.0, 4.0, 19.0,
                16.0, 3.0, 4.73, 1.0);
    }

    @Test
    void theXlsxHasTheSameNumbersAsTheJsonAndADownloadName() throws Exception {
        JsonNode json = admin().get("/api/v1/reports/monthly?month=" + MONTH).json();
        HttpResponse<byte[]> response = download(admin(), "/api/v1/reports/monthly.xlsx?month=" + MONTH);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow())
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment;")
                .contains("filename*=UTF-8''%E6%9C%88%E5%BA%A6%E8%BF%9B%E5%BA%A6%E7%BB%9F%E8%AE%A1%E8%A1%A8-2025-03.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(3).getCell(1).getStringCellValue()).isEqualTo("开展自查企业(家)");
            JsonNode rows = json.path("rows");
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.getRow(4 + r);
                assertThat(row.getCell(0).getStringCellValue()).isEqualTo(rows.get(r).path("townName").asString());
                assertThat(cells(row)).as("row of %s", rows.get(r).path("townName").asString())
                        .containsExactlyElementsOf(figures(rows.get(r)));
            }
            Row totals = sheet.getRow(4 + rows.size());
            assertThat(totals.getCell(0).getStringCellValue()).isEqualTo("合计");
            assertThat(cells(totals)).containsExactlyElementsOf(figures(json.path("totals")));
        }
    }

    @Test
    void aTownOfficerGetsTheirRowOnlyAndADepartmentOfficerIsRefused() throws Exception {
        JsonNode table = townOfficer("zjg-jinfeng").get("/api/v1/reports/monthly?month=" + MONTH).json();

        assertThat(table.path("rows").size()).isEqualTo(1);
        assertThat(table.path("rows").get(0).path("townId").asString()).isEqualTo("zjg-jinfeng");
        assertThat(figures(table.path("totals"))).containsExactlyElementsOf(figures(table.path("rows").get(0)));

        HttpResponse<byte[]> xlsx = download(townOfficer("zjg-jinfeng"), "/api/v1/reports/monthly.xlsx?month=" + MONTH);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(4).getCell(0).getStringCellValue()).isEqualTo("锦丰镇");
            assertThat(sheet.getRow(5).getCell(0).getStringCellValue()).isEqualTo("合计");
        }

        TestHttp department = as(TestTokens.user("dept", List.of(Roles.DEPARTMENT_OFFICER),
                Map.of("department_id", "dept-ema")));
        for (String path : List.of("/api/v1/reports/monthly", "/api/v1/warnings")) {
            TestHttp.Response refused = department.get(path + "?month=" + MONTH);
            assertThat(refused.status()).as(path).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(as(TestTokens.user("firm", Roles.ENTERPRISE_OFFICER)).get("/api/v1/reports/monthly").status())
                .isEqualTo(403);
        assertThat(new TestHttp("http://127.0.0.1:" + port).get("/api/v1/reports/monthly").status()).isEqualTo(401);
    }

    @Test
    void aBadOrFutureMonthIsA400NamingMonthOnEveryReport() {
        for (String path : List.of("/api/v1/reports/monthly", "/api/v1/reports/monthly.xlsx", "/api/v1/warnings",
                "/api/v1/warnings/notice")) {
            for (String month : List.of("2025-13", "March", "2025-3", "2099-01")) {
                TestHttp.Response response = admin().send(admin().request(path + "?month=" + month)
                        .setHeader("Accept", "*/*").GET());
                assertThat(response.status()).as(path + " " + month).isEqualTo(400);
                assertThat(response.contentType()).startsWith("application/problem+json");
                assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("month");
            }
        }
    }

    @Test
    void withoutAMonthTheReportsAreOfLastMonth() {
        String lastMonth = YearMonth.from(calendar.today()).minusMonths(1).toString();

        assertThat(admin().get("/api/v1/reports/monthly").json().path("month").asString()).isEqualTo(lastMonth);
        assertThat(admin().get("/api/v1/warnings").json().path("month").asString()).isEqualTo(lastMonth);
    }

    @Test
    void theWarningsNameTheTownsTheRulesSelectWithReasonsAndFigures() {
        JsonNode answer = admin().get("/api/v1/warnings?month=" + MONTH).json();

        assertThat(answer.path("month").asString()).isEqualTo(MONTH);
        assertThat(answer.path("rules").size()).isEqualTo(7);
        assertThat(answer.path("rules").get(0).path("rule").asString()).isEqualTo("UPLOAD_VOLUME_LOW");
        assertThat(answer.path("rules").get(0).path("basis").asString()).contains("上传数据量少");
        List<String> selected = new ArrayList<>();
        answer.path("warnings").forEach(w -> selected.add(w.path("townId").asString() + " " + w.path("rule").asString()
                + " " + w.path("level").asString()));
        assertThat(selected).containsExactly("zjg-jinfeng UPLOAD_VOLUME_LOW YELLOW", "zjg-jinfeng CLOSURE_SLOW ORANGE",
                "zjg-jinfeng PATROL_COVERAGE_LOW ORANGE", "zjg-jinfeng TRAINING_PARTICIPATION_LOW YELLOW");
        JsonNode upload = answer.path("warnings").get(0);
        assertThat(upload.path("townName").asString()).isEqualTo("锦丰镇");
        assertThat(upload.path("reason").asString()).isEqualTo(
                "2025年3月上报隐患2条，辖区企业20家，户均0.10条，列全市2个区镇（街道）倒数第1位（后20%），上传数据量少。");
        assertThat(upload.path("figures").path("hazardsReported").asLong()).isEqualTo(2);
        JsonNode coverage = answer.path("warnings").get(2);
        assertThat(coverage.path("figures").path("coverage").asDouble()).isEqualTo(0.25);
        assertThat(coverage.path("reason").asString()).contains("覆盖企业5家").contains("覆盖率25%");

        assertThat(townOfficer("zjg-yangshe").get("/api/v1/warnings?month=" + MONTH).json().path("warnings").size())
                .isZero();
        assertThat(townOfficer("zjg-jinfeng").get("/api/v1/warnings?month=" + MONTH).json().path("warnings").size())
                .isEqualTo(4);
    }

    @Test
    void theNoticeIsPrintableHtmlWithTheWarningsAndEscapesWhatItShows() {
        TestHttp.Response notice = admin().send(admin().request("/api/v1/warnings/notice?month=" + MONTH)
                .setHeader("Accept", "text/html").GET());

        assertThat(notice.status()).isEqualTo(200);
        assertThat(notice.contentType()).startsWith("text/html").contains("UTF-8");
        assertThat(notice.body()).contains("预警通报").contains("安委办预警〔2025〕3号")
                .contains("关于2025年3月安全生产工作预警情况的通报").contains("<td>锦丰镇</td>")
                .contains("2025年3月隐患整改率0%（已整改0条，应整改2条），低于60%的预警线，整改推进慢。")
                .contains("@page { size: A4;").contains("前整改到位");

        TestHttp stranger = townOfficer("zjg-<b>x</b>");
        String own = stranger.send(stranger.request("/api/v1/warnings/notice?month=" + MONTH)
                .setHeader("Accept", "*/*").GET()).body();
        assertThat(own).contains("zjg-&lt;b&gt;x&lt;/b&gt;：").doesNotContain("<b>x</b>").doesNotContain("锦丰镇");
    }

    private HttpResponse<byte[]> download(TestHttp http, String path) throws Exception {
        return HttpClient.newHttpClient().send(http.request(path).setHeader("Accept", "*/*").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static List<Double> figures(JsonNode row) {
        List<Double> values = new ArrayList<>();
        for (ProgressColumn column : ProgressColumn.values()) {
            values.add(row.path(column.key()).asDouble());
        }
        return values;
    }

    private static List<Double> cells(Row row) {
        List<Double> values = new ArrayList<>();
        for (int c = 1; c <= ProgressColumn.values().length; c++) {
            values.add(row.getCell(c).getNumericCellValue());
        }
        return values;
    }

}
