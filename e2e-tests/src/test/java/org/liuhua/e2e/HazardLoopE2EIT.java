package org.liuhua.e2e;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.liuhua.kit.test.TestHttp;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 5 through the gateway with the demo identities and real Keycloak tokens: the town officer reports and
 * transfers, the enterprise officer rectifies (all five parts), the grid inspector reviews (a failed review sends it
 * back), the town records enforcement and closes; a major hazard closes only with the town's supervision order and
 * the supervising department's sign-off.
 */
class HazardLoopE2EIT {

    static TestHttp town;
    static TestHttp enterprise;
    static TestHttp inspector;
    static TestHttp department;
    static TestHttp admin;

    @BeforeAll
    static void identities() {
        DemoFixture.ensure();
        town = RunningPlatform.gatewayAs(RunningPlatform.userToken("town-officer"));
        enterprise = RunningPlatform.gatewayAs(RunningPlatform.userToken("enterprise-officer"));
        inspector = RunningPlatform.gatewayAs(RunningPlatform.userToken("inspector"));
        department = RunningPlatform.gatewayAs(RunningPlatform.userToken("department-officer"));
        admin = RunningPlatform.gateway();
    }

    @Test
    void aHazardGoesThroughTheWholeLoopToClosedWithAFailedReviewOnTheWay() {
        JsonNode reported = expect(201, town.post("/api/v1/hazards", Map.of("establishmentId", "est-jinfeng-0001",
                "townId", "zjg-jinfeng", "category", "MACHINERY_GUARDING", "source", "LAW_ENFORCEMENT",
                "description", "设备传动部位防护罩缺失 " + System.nanoTime())));
        String path = "/api/v1/hazards/" + reported.get("id").asString();
        assertThat(reported.get("state").asString()).isEqualTo("REPORTED");

        expect(200, town.post(path + "/transfer", Map.of("toEstablishment", true, "note", "移交企业整改")));

        TestHttp.Response incomplete = enterprise.post(path + "/rectify", Map.of("measures", "加装防护罩",
                "deadline", LocalDate.now().plusDays(10).toString(), "contingencyPlan", "停机挂牌"));
        assertThat(incomplete.status()).as(incomplete.toString()).isEqualTo(400);
        assertThat(incomplete.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("responsiblePerson", "fundsCny");

        TestHttp.Response illegal = town.post(path + "/close", Map.of("note", "too early"));
        assertThat(illegal.status()).as(illegal.toString()).isEqualTo(409);
        assertThat(illegal.contentType()).startsWith("application/problem+json");
        assertThat(illegal.json().get("currentState").asString()).isEqualTo("TRANSFERRED");
        assertThat(illegal.json().get("allowedCommands").toString()).contains("rectify");

        expect(200, enterprise.post(path + "/rectify", rectification()));
        // the inspector's scope (their units' establishments) reaches hazard-service by grid events
        await().atMost(Duration.ofSeconds(30)).until(() -> inspector.get(path).status() == 200);
        JsonNode failed = expect(200, inspector.post(path + "/review", Map.of("passed", false,
                "note", "防护罩未固定，需重新整改")));
        assertThat(failed.get("state").asString()).isEqualTo("RECTIFYING");

        expect(200, enterprise.post(path + "/rectify", rectification()));
        assertThat(expect(200, inspector.post(path + "/review", Map.of("passed", true, "note", "复核通过")))
                .get("state").asString()).isEqualTo("ENFORCEMENT");
        expect(200, town.post(path + "/enforce", Map.of("kind", "NONE", "note", "一般隐患，已整改")));
        JsonNode closed = expect(200, town.post(path + "/close", Map.of("note", "销号")));
        assertThat(closed.get("state").asString()).isEqualTo("CLOSED");
        assertThat(closed.get("reviewedBy").asString()).isNotEqualTo(closed.get("reportedBy").asString());
        assertThat(expect(200, town.get(path + "/verify")).get("intact").asBoolean()).isTrue();
    }

    @Test
    void aMajorHazardClosesOnlyWithTheSupervisionOrderAndTheDepartmentsSignOff() {
        JsonNode reported = expect(201, town.post("/api/v1/hazards", Map.of("establishmentId", "est-jinfeng-0002",
                "townId", "zjg-jinfeng", "category", "BUILDING_STRUCTURE", "severity", "MAJOR",
                "source", "LAW_ENFORCEMENT", "description", "脚手架基础沉降、连墙件缺失 " + System.nanoTime())));
        String path = "/api/v1/hazards/" + reported.get("id").asString();
        expect(200, town.post(path + "/transfer", Map.of("toEstablishment", true, "departmentId", "dept-housing",
                "note", "移交住建局")));
        expect(200, department.post(path + "/acknowledge", Map.of("note", "住建局报到")));
        // 督办在先: the supervision order comes before the rectification of a major hazard
        expect(200, town.post(path + "/supervision-order", Map.of("orderNumber", "张安委督〔2026〕12号")));
        expect(200, admin.post(path + "/rectify", rectification()));
        await().atMost(Duration.ofSeconds(30)).until(() -> inspector.get(path).status() == 200);
        expect(200, inspector.post(path + "/review", Map.of("passed", true, "note", "复核通过")));
        expect(200, town.post(path + "/enforce", Map.of("kind", "PENALTY", "penaltyAmountCny", 30000,
                "caseNumber", "张应急罚〔2026〕188号")));

        TestHttp.Response notYet = town.post(path + "/close", Map.of("note", "销号"));
        assertThat(notYet.status()).as(notYet.toString()).isEqualTo(409);
        expect(200, department.post(path + "/sign-off", Map.of("note", "审核把关")));
        assertThat(expect(200, town.post(path + "/close", Map.of("note", "销号"))).get("state").asString())
                .isEqualTo("CLOSED");
    }

    private static Map<String, Object> rectification() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("measures", "加装并固定防护罩，组织班前教育");
        body.put("responsiblePerson", "李安全");
        body.put("fundsCny", 3500);
        body.put("deadline", LocalDate.now().plusDays(10).toString());
        body.put("contingencyPlan", "整改期间停机挂牌，专人值守");
        return body;
    }

    private static JsonNode expect(int status, TestHttp.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        return response.json();
    }
}
