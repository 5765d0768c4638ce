package org.liuhua.e2e.owasp;

import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.liuhua.e2e.DemoFixture;
import org.liuhua.kit.test.TestHttp;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OWASP API3:2023 Broken Object Property Level Authorization. Lists carry summaries, not whole aggregates; personal
 * data (inspectors' phones, whistle-blowers' contacts) only reaches the roles that need it; properties a client may
 * not set (state, reporter, town of a known establishment) are not taken from a request body.
 */
class Api3PropertyLevelAuthorizationE2EIT {

    @BeforeAll
    static void demoSlice() {
        DemoFixture.ensure();
        TestHttp.Response created = Probes.admin().post("/api/v1/hazards", Map.of("establishmentId",
                "est-jinfeng-0001", "townId", "zjg-jinfeng", "category", "ELECTRICAL", "source", "LAW_ENFORCEMENT",
                "description", "配电柜前堆放杂物 " + Probes.unique()));
        assertThat(created.status()).as("created, or joined to the open hazard: " + created).isIn(200, 201);
    }

    @Test
    void hazardListItemsAreSummariesWithoutHistoryOrCorroborations() {
        for (String user : new String[] {"city-admin", "town-officer", "enterprise-officer"}) {
            for (String list : new String[] {"/api/v1/hazards?size=50",
                    "/api/v1/hazards/ledger?establishmentId=est-jinfeng-0001&size=50",
                    "/api/v1/hazards/major-register?size=50"}) {
                TestHttp.Response page = Probes.as(user).get(list);
                assertThat(page.status()).as(user + " " + list + " " + page).isEqualTo(200);
                for (JsonNode item : page.json().path("items")) {
                    assertThat(item.has("history")).as(user + " " + list + " " + item).isFalse();
                    assertThat(item.has("corroborations")).as(user + " " + list).isFalse();
                    assertThat(item.has("evidence")).as(user + " " + list).isFalse();
                }
            }
        }
    }

    @Test
    void aDepartmentOfficerListsInspectorsWithoutTheirPhoneNumbers() {
        TestHttp.Response inspectors = Probes.as("department-officer").get("/api/v1/inspectors?size=200");
        assertThat(inspectors.status()).as(inspectors.toString()).isIn(200, 403);
        for (JsonNode item : inspectors.json().path("items")) {
            assertThat(item.path("phone").isMissingNode() || item.path("phone").isNull()).as(item.toString()).isTrue();
        }
        TestHttp.Response own = Probes.as("town-officer").get("/api/v1/inspectors/insp-jinfeng-01");
        assertThat(own.json().path("phone").asString()).as(own.toString()).isEqualTo("13800000001");
    }

    @Test
    void theCockpitViewerSeesPublicReportsWithoutTheReportersContact() {
        TestHttp.Response reports = Probes.as("cockpit-viewer").get("/api/v1/public-reports?size=200");
        if (reports.status() == 200) {
            for (JsonNode item : reports.json().path("items")) {
                assertThat(item.path("contact").isMissingNode() || item.path("contact").isNull())
                        .as(item.toString()).isTrue();
                assertThat(item.path("clientAddress").isMissingNode() || item.path("clientAddress").isNull())
                        .as(item.toString()).isTrue();
            }
        } else {
            Probes.assertProblem(reports, 403);
        }
    }

    @Test
    void aClientCannotSetTheStateOrTheReporterOfANewHazard() {
        TestHttp.Response created = Probes.admin().post("/api/v1/hazards", Map.of("establishmentId",
                "est-jinfeng-0002", "townId", "zjg-jinfeng", "category", "FIRE_SAFETY", "source", "LAW_ENFORCEMENT",
                "description", "安全出口指示灯损坏 " + Probes.unique(), "state", "CLOSED", "reportedBy", "someone-else"));
        if (created.status() / 100 == 2) {
            JsonNode hazard = Probes.admin().get("/api/v1/hazards/" + created.json().path("id").asString()).json();
            assertThat(hazard.path("state").asString()).isEqualTo("REPORTED");
            assertThat(hazard.toString()).doesNotContain("someone-else");
        } else {
            Probes.assertProblem(created, 400);
        }
    }
}
