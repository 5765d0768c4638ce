package org.liuhua.e2e;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.liuhua.kit.test.TestHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 3 end to end: real tokens from the real Keycloak (realm as code), through the gateway, with data scope
 * enforced by the services: a town officer sees only their town; a firm works with client credentials; no token,
 * no API.
 */
class IdentityAndScopeE2EIT {

    static String ownHazard;
    static String otherHazard;

    @BeforeAll
    static void twoTownsWithAnEstablishmentAndAHazardEach() {
        DemoFixture.ensure();
        TestHttp admin = RunningPlatform.gateway();
        for (String town : List.of("zjg-jinfeng", "zjg-leyu")) {
            String establishment = "est-" + town.substring(4) + "-0001";
            TestHttp.Response hazard = admin.post("/api/v1/hazards", Map.of("establishmentId", establishment,
                    "townId", town, "category", "FIRE_SAFETY", "source", "LAW_ENFORCEMENT",
                    "description", "灭火器过期未更换 " + System.nanoTime()));
            assertThat(hazard.status()).as(hazard.toString()).isIn(200, 201);
            if (town.equals("zjg-jinfeng")) {
                ownHazard = hazard.json().get("id").asString();
            } else {
                otherHazard = hazard.json().get("id").asString();
            }
        }
    }

    @Test
    void withoutATokenEveryApiPathIs401() {
        TestHttp anonymous = new TestHttp(RunningPlatform.get().gatewayUrl());
        for (String path : List.of("/api/v1/hazards", "/api/v1/establishments", "/api/v1/stats/overview",
                "/api/v1/audit", "/api/v1/training/staff", "/api/v1/hazards/" + ownHazard)) {
            TestHttp.Response response = anonymous.get(path);
            assertThat(response.status()).as(path + " " + response).isEqualTo(401);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        assertThat(anonymous.get("/readyz").status()).isEqualTo(200);
    }

    @Test
    void aTownOfficerSeesOnlyTheirTownAndGets404ForAnotherTownsObjects() {
        TestHttp officer = RunningPlatform.gatewayAs(RunningPlatform.userToken("town-officer"));

        TestHttp.Response establishments = officer.get("/api/v1/establishments?size=200");
        assertThat(establishments.status()).as(establishments.toString()).isEqualTo(200);
        assertThat(establishments.json().get("items").findValuesAsString("townId")).isNotEmpty()
                .allMatch("zjg-jinfeng"::equals);
        TestHttp.Response hazards = officer.get("/api/v1/hazards?size=200");
        assertThat(hazards.status()).isEqualTo(200);
        assertThat(hazards.json().get("items").findValuesAsString("townId")).isNotEmpty()
                .allMatch("zjg-jinfeng"::equals);

        assertThat(officer.get("/api/v1/hazards/" + ownHazard).status()).isEqualTo(200);
        assertThat(officer.get("/api/v1/establishments/est-jinfeng-0001").status()).isEqualTo(200);
        assertThat(officer.get("/api/v1/hazards/" + otherHazard).status()).isEqualTo(404);
        assertThat(officer.get("/api/v1/establishments/est-leyu-0001").status()).isEqualTo(404);
        assertThat(officer.get("/api/v1/towns/zjg-leyu").status()).isEqualTo(404);
    }

    @Test
    void theDemoFirmWorksWithClientCredentialsWithinItsContractsOnly() {
        TestHttp admin = RunningPlatform.gateway();
        TestHttp.Response contract = admin.post("/api/v1/contracts", Map.of("firmId", "demo-firm",
                "establishmentIds", List.of("est-jinfeng-0001"), "validFrom", LocalDate.now().minusDays(1).toString(),
                "validTo", LocalDate.now().plusMonths(6).toString()));
        assertThat(contract.status()).as(contract.toString()).isEqualTo(201);

        TestHttp firm = RunningPlatform.gatewayAs(RunningPlatform.clientToken("demo-firm", "demo-firm-secret"));
        TestHttp.Response pushed = firm.post("/api/v1/intake/findings", Map.of("findings", List.of(
                Map.of("externalId", "E2E-" + System.nanoTime(), "establishmentId", "est-jinfeng-0001",
                        "townId", "zjg-jinfeng", "category", "ELECTRICAL", "severity", "GENERAL",
                        "description", "配电箱未接地"),
                Map.of("externalId", "E2E-X-" + System.nanoTime(), "establishmentId", "est-leyu-0001",
                        "townId", "zjg-leyu", "category", "ELECTRICAL", "severity", "GENERAL",
                        "description", "配电箱未接地"))));
        assertThat(pushed.status()).as(pushed.toString()).isEqualTo(200);
        var items = pushed.json().get("items");
        assertThat(items.get(0).get("status").asString()).isIn("CREATED", "JOINED");
        assertThat(items.get(1).get("status").asString()).isEqualTo("REJECTED");

        assertThat(firm.get("/api/v1/hazards/" + otherHazard).status()).isEqualTo(404);
        assertThat(firm.post("/api/v1/contracts", Map.of("firmId", "demo-firm", "establishmentIds",
                List.of("est-leyu-0001"), "validFrom", "2026-01-01", "validTo", "2027-01-01")).status())
                .as("a firm may not grant itself contracts").isEqualTo(403);
    }

    @Test
    void theCityAdminCanReadTheAuditTrailOfTheseRequests() {
        TestHttp admin = RunningPlatform.gateway();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() ->
                admin.get("/api/v1/audit?targetId=" + ownHazard).json().path("items").size() > 0);
        TestHttp.Response audit = admin.get("/api/v1/audit?targetId=" + ownHazard);
        assertThat(audit.json().get("items").get(0).path("subject").asString()).isNotBlank();
        assertThat(RunningPlatform.gatewayAs(RunningPlatform.userToken("town-officer")).get("/api/v1/audit").status())
                .isEqualTo(403);
    }

    private static void ok(TestHttp.Response response) {
        assertThat(response.status()).as(response.toString()).isIn(200, 201);
    }
}
