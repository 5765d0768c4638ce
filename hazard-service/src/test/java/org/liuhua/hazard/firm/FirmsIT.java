package org.liuhua.hazard.firm;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.liuhua.events.Topics;
import org.liuhua.events.grid.EstablishmentRegistered;
import org.liuhua.events.hazard.ContractAmended;
import org.liuhua.hazard.HazardIT;
import org.liuhua.kit.outbox.EventJson;
import org.liuhua.kit.security.Roles;
import org.liuhua.kit.test.TestHttp;
import org.liuhua.kit.test.TestTokens;
import org.liuhua.kit.test.TopicProbe;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Third-party firms (H-7) beyond the intake: the establishments their contracts cover, contracts extended and
 * amended, their findings followed also when they joined another source's hazard, and the per-contract report.
 */
class FirmsIT extends HazardIT {

    @Autowired
    MongoTemplate mongo;

    /** An establishment known from grid events in this town and unit. */
    private String known(String townId, String unitId) {
        String est = unique("est-firm");
        publish(Topics.GRID, est, new EstablishmentRegistered(est, "张家港某纺织有限公司", "INDUSTRIAL", "TEXTILE",
                "dept-industry", townId, townId + "-v01", townId + "-v01-g1", unitId, "GENERAL", List.of(), 60,
                "锦丰镇某路8号", 31.9, 120.6, null, null, Instant.now(), 1));
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.exists(new Query(Criteria.where("_id").is(est)),
                "establishments"));
        return est;
    }

    private String contract(String firmId, List<String> establishmentIds) {
        TestHttp.Response created = admin().post("/api/v1/contracts", Map.of("firmId", firmId, "establishmentIds",
                establishmentIds, "validFrom", "2026-01-01", "validTo", "2030-12-31"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("contractId").asString();
    }

    @Test
    void aFirmReadsTheEstablishmentsItsValidContractsCover() {
        String firmId = unique("firm");
        String unit = unique("unit");
        String named = known(JINFENG, unique("unit"));
        String inUnit = known(TANGQIAO, unit);
        String notCovered = known(JINFENG, unique("unit"));
        String contractId = contract(firmId, List.of(named));
        TestHttp.Response amended = admin().post("/api/v1/contracts/" + contractId + "/amend", Map.of(
                "establishmentIds", List.of(named), "unitIds", List.of(unit), "reason", "增补塘桥镇巡查单元"));
        assertThat(amended.status()).as(amended.toString()).isEqualTo(200);

        JsonNode page = firm(firmId).get("/api/v1/firms/" + firmId + "/establishments?size=50").json();
        assertThat(page.get("items").findValuesAsString("establishmentId")).containsExactlyInAnyOrder(named, inUnit)
                .doesNotContain(notCovered);
        assertThat(page.get("totalElements").asLong()).isEqualTo(2);
        JsonNode item = page.get("items").get(0);
        assertThat(item.has("name")).isTrue();
        assertThat(item.has("address")).as("no more than the register's facts an app needs").isFalse();
        assertThat(firm(unique("firm")).get("/api/v1/firms/" + firmId + "/establishments").status())
                .as("another firm's coverage is unknown").isEqualTo(404);
        assertThat(townOfficer(JINFENG).get("/api/v1/firms/" + firmId + "/establishments").status())
                .isEqualTo(403);
        assertThat(firm(firmId).get("/api/v1/firms/" + firmId + "/establishments?sort=address,asc").status())
                .isEqualTo(400);

        // an establishment covered through its unit takes the firm's findings, and the firm sees the hazard
        JsonNode pushed = firm(firmId).post("/api/v1/intake/findings", Map.of("findings", List.of(Map.of(
                "externalId", unique("HK"), "establishmentId", inUnit, "category", "GAS",
                "description", "燃气报警器未通电")))).json().get("items").get(0);
        assertThat(pushed.get("status").asString()).as(pushed.toString()).isEqualTo("CREATED");
        String hazardId = pushed.get("hazardId").asString();
        assertThat(firm(firmId).get("/api/v1/hazards/" + hazardId).status()).isEqualTo(200);

        admin().post("/api/v1/contracts/" + contractId + "/terminate", Map.of());
        assertThat(firm(firmId).get("/api/v1/hazards/" + hazardId).status()).as("no valid contract, no scope")
                .isEqualTo(404);
        assertThat(firm(firmId).get("/api/v1/firms/" + firmId + "/establishments").json().get("totalElements")
                .asLong()).as("a terminated contract covers nothing").isZero();
    }

    @Test
    void contractsAreExtendedAndAmendedWithHistoryAndEvents() {
        String firmId = unique("firm");
        String first = known(JINFENG, unique("unit"));
        String second = known(JINFENG, unique("unit"));
        String contractId = contract(firmId, List.of(first));
        String path = "/api/v1/contracts/" + contractId;

        TestHttp.Response earlier = admin().post(path + "/extend", Map.of("validTo", "2030-12-31"));
        assertThat(earlier.status()).as(earlier.toString()).isEqualTo(400);
        assertThat(earlier.json().get("errors").findValuesAsString("field")).containsExactly("validTo");
        assertThat(admin().post(path + "/extend", Map.of("validTo", "2031-13-01")).json().get("errors")
                .findValuesAsString("field")).containsExactly("validTo");
        assertThat(firm(firmId).post(path + "/extend", Map.of("validTo", "2031-06-30")).status()).isEqualTo(403);
        TestHttp.Response extended = admin().post(path + "/extend", Map.of("validTo", "2031-06-30",
                "reason", "年度检查延期"));
        assertThat(extended.status()).as(extended.toString()).isEqualTo(200);
        assertThat(extended.json().get("validTo").asString()).isEqualTo("2031-06-30");

        TestHttp.Response noReason = admin().post(path + "/amend", Map.of("establishmentIds", List.of(first, second)));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("errors").findValuesAsString("field")).containsExactly("reason");
        assertThat(admin().post(path + "/amend", Map.of("establishmentIds", List.of(first), "townIds",
                List.of("zjg-nowhere"), "reason", "增补")).json().get("errors").findValuesAsString("field"))
                .containsExactly("townIds");
        TestHttp.Response nothing = admin().post(path + "/amend", Map.of("establishmentIds", List.of(),
                "reason", "清空"));
        assertThat(nothing.json().get("errors").findValuesAsString("field")).containsExactly("establishmentIds");

        // before the amendment the second establishment is refused, after it accepted
        Map<String, Object> finding = Map.of("externalId", unique("HK"), "establishmentId", second, "category",
                "FIRE_SAFETY", "description", "消防栓被遮挡");
        assertThat(firm(firmId).post("/api/v1/intake/findings", Map.of("findings", List.of(finding))).json()
                .get("items").get(0).get("status").asString()).isEqualTo("REJECTED");
        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.HAZARD)) {
            TestHttp.Response amended = admin().post(path + "/amend", Map.of("establishmentIds",
                    List.of(first, second), "reason", "增补新建厂房"));
            assertThat(amended.status()).as(amended.toString()).isEqualTo(200);
            assertThat(amended.json().get("establishmentIds").toString()).contains(second);
            JsonNode changes = amended.json().get("changes");
            assertThat(changes.findValuesAsString("kind")).containsExactly("EXTENDED", "AMENDED");
            assertThat(changes.get(1).get("reason").asString()).isEqualTo("增补新建厂房");
            assertThat(changes.get(1).get("previousEstablishmentIds").toString()).doesNotContain(second);
            List<ConsumerRecord<String, CloudEvent>> events = probe.await(r -> contractId.equals(r.key()), 2,
                    Duration.ofSeconds(20));
            assertThat(events.stream().map(r -> r.value().getType()).toList()).contains(
                    "liuhua.hazard.contract-extended.v1", "liuhua.hazard.contract-amended.v1");
            ContractAmended event = events.stream().filter(r -> r.value().getType().endsWith("amended.v1"))
                    .map(r -> EventJson.read(r.value(), ContractAmended.class)).findFirst().orElseThrow();
            assertThat(event.establishmentIds()).containsExactly(first, second);
        }
        assertThat(firm(firmId).post("/api/v1/intake/findings", Map.of("findings", List.of(finding))).json()
                .get("items").get(0).get("status").asString()).isEqualTo("CREATED");

        admin().post(path + "/terminate", Map.of());
        assertThat(admin().post(path + "/extend", Map.of("validTo", "2032-01-01")).status()).isEqualTo(409);
    }

    @Test
    void aFindingThatJoinedAnotherHazardStaysVisibleWithThatHazardsStateAndInTheContractReport() throws Exception {
        String firmId = unique("firm");
        String est = known(JINFENG, unique("unit"));
        String other = known(TANGQIAO, unique("unit"));
        String contractId = contract(firmId, List.of(est, other));
        String officers = report(est, JINFENG, "FIRE_SAFETY", null, "LAW_ENFORCEMENT");
        String joinedRef = unique("HK");
        String ownRef = unique("HK");
        JsonNode pushed = firm(firmId).post("/api/v1/intake/findings", Map.of("findings", List.of(
                Map.of("externalId", joinedRef, "establishmentId", est, "category", "FIRE_SAFETY",
                        "description", "第三方检查：安全出口堵塞"),
                Map.of("externalId", ownRef, "establishmentId", other, "category", "ELECTRICAL",
                        "description", "第三方检查：配电箱未接地")))).json();
        assertThat(pushed.get("items").findValuesAsString("status")).containsExactly("JOINED", "CREATED");
        assertThat(firm(firmId).get("/api/v1/hazards/" + officers).status())
                .as("the whole hazard stays with the officers").isEqualTo(404);
        townOfficer(JINFENG).post("/api/v1/hazards/" + officers + "/transfer", Map.of("toEstablishment", true));

        JsonNode joined = firm(firmId).get("/api/v1/firms/" + firmId + "/findings/" + joinedRef).json();
        assertThat(joined.get("hazardId").asString()).isEqualTo(officers);
        assertThat(joined.get("state").asString()).isEqualTo("TRANSFERRED");
        assertThat(joined.get("findings").get(0).get("joined").asBoolean()).isTrue();
        JsonNode list = firm(firmId).get("/api/v1/firms/" + firmId + "/findings").json();
        assertThat(list.get("items").findValuesAsString("hazardId")).hasSize(2).contains(officers);
        assertThat(firm(firmId).get("/api/v1/firms/" + firmId + "/findings?state=TRANSFERRED").json().get("items")
                .findValuesAsString("hazardId")).containsExactly(officers);
        assertThat(firm(unique("firm")).get("/api/v1/firms/" + firmId + "/findings").status()).isEqualTo(404);
        assertThat(firm(firmId).get("/api/v1/firms/" + firmId + "/findings/" + unique("HK")).status())
                .isEqualTo(404);

        // the contract's report: the whole one for the firm, the town's part for a town officer
        try (XSSFWorkbook wb = workbook(firm(firmId), contractId)) {
            Sheet summary = wb.getSheet("汇总");
            assertThat(summary.getRow(5).getCell(1).getNumericCellValue()).as("findings").isEqualTo(2);
            assertThat(summary.getRow(6).getCell(1).getNumericCellValue())
                    .as("accepted: the joined hazard was transferred, the other is still REPORTED").isEqualTo(1);
            assertThat(summary.getRow(7).getCell(1).getNumericCellValue()).as("closed").isZero();
            Sheet detail = wb.getSheet("明细");
            assertThat(detail.getLastRowNum()).isEqualTo(2);
        }
        try (XSSFWorkbook wb = workbook(townOfficer(TANGQIAO), contractId)) {
            assertThat(wb.getSheet("明细").getLastRowNum()).as("Tangqiao's finding only").isEqualTo(1);
            assertThat(wb.getSheet("明细").getRow(1).getCell(0).getStringCellValue()).isEqualTo(ownRef);
        }
        assertThat(status(firm(unique("firm")), contractId)).isEqualTo(404);
        assertThat(status(as(TestTokens.user("inspector-x", List.of(Roles.INSPECTOR), Map.of("inspector_id", "x"))),
                contractId)).isEqualTo(403);
    }

    private static XSSFWorkbook workbook(TestHttp http, String contractId) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(http.request("/api/v1/contracts/" + contractId
                + "/report.xlsx").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
        return new XSSFWorkbook(new ByteArrayInputStream(r.body()));
    }

    private static int status(TestHttp http, String contractId) {
        return http.get("/api/v1/contracts/" + contractId + "/report.xlsx").status();
    }
}
