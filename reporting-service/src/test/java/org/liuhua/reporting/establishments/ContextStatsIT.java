package org.liuhua.reporting.establishments;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liuhua.events.grid.EstablishmentRegistered;
import org.liuhua.events.grid.EstablishmentSnapshot;
import org.liuhua.events.grid.InspectorBound;
import org.liuhua.events.grid.PatrolCompleted;
import org.liuhua.events.grid.RegionChanged;
import org.liuhua.events.hazard.InterviewRecorded;
import org.liuhua.events.manual.HandbookAdopted;
import org.liuhua.events.training.SessionHeld;
import org.liuhua.kit.security.Roles;
import org.liuhua.kit.test.TestHttp;
import org.liuhua.kit.test.TestTokens;
import org.liuhua.kit.time.CityCalendar;
import org.liuhua.reporting.ReportingIntegrationTest;
import org.liuhua.reporting.grid.GridProjector;
import org.liuhua.reporting.handbooks.HandbooksProjector;
import org.liuhua.reporting.projection.Projections;
import org.liuhua.reporting.names.NamesProjector;
import org.liuhua.reporting.projection.ProjectionSpace;
import org.liuhua.reporting.scope.ReportScope;
import org.liuhua.reporting.stats.OverviewSection;
import org.liuhua.reporting.training.TrainingProjector;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.liuhua.reporting.ProjectorTestSupport.event;

/**
 * The context statistics through HTTP with real signed tokens: the one-page establishment view, coverage, the
 * inspector ranking, cut to each caller's report scope, with names beside ids and targets beside rates; and the
 * overview sections. The read models are filled by applying the projectors to events built from the contracts.
 */
class ContextStatsIT extends ReportingIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    GridProjector grid;
    @Autowired
    NamesProjector names;
    @Autowired
    TrainingProjector training;
    @Autowired
    HandbooksProjector handbooks;
    @Autowired
    InterviewsProjector interviews;
    @Autowired
    Projections generation;
    @Autowired
    CityCalendar calendar;
    @Autowired
    List<OverviewSection> sections;

    final String run = UUID.randomUUID().toString().substring(0, 8);
    final String townA = "it-a-" + run;
    final String townB = "it-b-" + run;
    final String estA = "est-a-" + run;
    final String estB = "est-b-" + run;
    final String inspector = "insp-" + run;
    String month;
    ProjectionSpace space;

    static EstablishmentSnapshot establishment(String id, String name, String town, String department) {
        return new EstablishmentSnapshot(id, name, "INDUSTRIAL", "METALLURGY", department, town, town + "-v01",
                town + "-v01-g1", town + "-u1", "MAJOR", List.of("METAL_SMELTING"), 150, "锦丰镇沙洲西路8号",
                null, null, null, null, Instant.now(), 1);
    }

    @BeforeEach
    void fill() {
        space = generation.active();
        Instant now = calendar.now();
        month = calendar.monthKey(now);
        LocalDate today = calendar.today();
        names.apply(List.of(
                event(new RegionChanged(townA, "TOWN", "TOWN", "锦丰镇" + run, "zjg", townA, now, 1)),
                event(new RegionChanged(townB, "TOWN", "TOWN", "塘桥镇" + run, "zjg", townB, now, 1))), space);
        grid.apply(List.of(
                event(new EstablishmentRegistered(establishment(estA, "张家港沙钢特钢有限公司", townA, "dept-industry"))),
                event(new EstablishmentRegistered(establishment(estB, "张家港塘桥建设工程有限公司", townB,
                        "dept-housing"))),
                event(new InspectorBound(inspector, "陈刚", "FULL_TIME", townA + "-u1", townA, now, "admin")),
                event(new PatrolCompleted("p-" + run, inspector, townA + "-u1", townA, now.minusSeconds(7200), now,
                        List.of(estA), List.of(), 2))), space);
        training.apply(List.of(event(new SessionHeld("s-" + run, estA, townA, "SHIFT_BRIEFING", today, month, 18,
                "SAFETY_OFFICER", now))), space);
        handbooks.apply(List.of(event(new HandbookAdopted(estA, townA, "dept-industry", "METALLURGY", "tpl-1",
                "METALLURGY-BASE", "INDUSTRY", 1, null, "officer", now))), space);
        interviews.apply(List.of(event(new InterviewRecorded("iv-" + run, estA, "张家港沙钢特钢有限公司", townA,
                "dept-emergency", today, month, "重大事故隐患逾期未整改", List.of("王建国"), List.of(), "admin",
                now))), space);
    }

    TestHttp as(String username, String role, Map<String, Object> claims) {
        return new TestHttp("http://127.0.0.1:" + port, TestTokens.user(username, List.of(role), claims));
    }

    TestHttp admin() {
        return as("city-admin", Roles.CITY_ADMIN, Map.of());
    }

    TestHttp townOfficer(String town) {
        return as("town-officer", Roles.TOWN_OFFICER, Map.of("town_id", town));
    }

    TestHttp departmentOfficer(String department) {
        return as("department-officer", Roles.DEPARTMENT_OFFICER, Map.of("department_id", department));
    }

    @Test
    void theOnePageViewCarriesNamesPatrolsTrainingHandbookAndInterviews() {
        TestHttp.Response response = admin().get("/api/v1/stats/establishments/" + estA);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode page = response.json();
        assertThat(page.get("establishment").get("name").asString()).isEqualTo("张家港沙钢特钢有限公司");
        assertThat(page.get("establishment").get("townName").asString()).isEqualTo("锦丰镇" + run);
        assertThat(page.get("establishment").get("departmentName").asString()).isEqualTo("工业和信息化局");
        assertThat(page.get("patrols").get("total").asInt()).isEqualTo(1);
        assertThat(page.get("patrols").get("proven").asInt()).isEqualTo(1);
        assertThat(page.get("training").get("attendees").asInt()).isEqualTo(18);
        assertThat(page.get("handbook").get("adopted").asBoolean()).isTrue();
        assertThat(page.get("interviews").get(0).get("departmentName").asString()).isEqualTo("应急管理局");
        assertThat(page.get("patrols").get("months").get(0).get("month").asString()).isEqualTo(month);
    }

    @Test
    void theOnePageViewIsCutToTheCallersScope() {
        assertThat(townOfficer(townA).get("/api/v1/stats/establishments/" + estA).status()).isEqualTo(200);
        assertThat(townOfficer(townA).get("/api/v1/stats/establishments/" + estB).status()).isEqualTo(404);
        assertThat(departmentOfficer("dept-housing").get("/api/v1/stats/establishments/" + estA).status())
                .isEqualTo(404);
        assertThat(departmentOfficer("dept-housing").get("/api/v1/stats/establishments/" + estB).status())
                .isEqualTo(200);
        assertThat(as("inspector", Roles.INSPECTOR, Map.of("inspector_id", inspector))
                .get("/api/v1/stats/establishments/" + estA).status()).isEqualTo(403);
        assertThat(admin().get("/api/v1/stats/establishments/est-nobody-" + run).status()).isEqualTo(404);
        assertThat(new TestHttp("http://127.0.0.1:" + port).get("/api/v1/stats/establishments/" + estA).status())
                .isEqualTo(401);
    }

    @Test
    void coverageGivesEachTownItsNameAndTheTargetAndATownOfficerOnlyTheirTown() {
        JsonNode own = townOfficer(townA).get("/api/v1/stats/coverage?month=" + month).json();
        assertThat(own.get("towns")).hasSize(1);
        JsonNode row = own.get("towns").get(0);
        assertThat(row.get("townName").asString()).isEqualTo("锦丰镇" + run);
        assertThat(row.get("establishments").asLong()).isEqualTo(1);
        assertThat(row.get("inspected").asLong()).isEqualTo(1);
        assertThat(row.get("coverage").get("value").asDouble()).isEqualTo(1.0);
        assertThat(row.get("coverage").get("target").asDouble()).isEqualTo(0.9);
        assertThat(row.get("coverage").get("met").asBoolean()).isTrue();

        JsonNode city = admin().get("/api/v1/stats/coverage?month=" + month).json();
        JsonNode b = null;
        for (JsonNode t : city.get("towns")) {
            if (t.get("townId").asString().equals(townB)) {
                b = t;
            }
        }
        assertThat(b).isNotNull();
        assertThat(b.get("coverage").get("value").asDouble()).isEqualTo(0.0);
        assertThat(b.get("coverage").get("met").asBoolean()).isFalse();

        TestHttp.Response bad = admin().get("/api/v1/stats/coverage?month=2026-13");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("month");
    }

    @Test
    void theInspectorRankingNamesInspectorsAndIsCutToTheTown() {
        JsonNode ranking = townOfficer(townA).get("/api/v1/stats/inspectors?month=" + month).json();
        assertThat(ranking.get("totalElements").asLong()).isEqualTo(1);
        JsonNode first = ranking.get("items").get(0);
        assertThat(first.get("name").asString()).isEqualTo("陈刚");
        assertThat(first.get("townName").asString()).isEqualTo("锦丰镇" + run);
        assertThat(first.get("visits").asInt()).isEqualTo(1);
        assertThat(first.get("findings").asInt()).isEqualTo(2);
        assertThat(first.get("rank").asInt()).isEqualTo(1);

        assertThat(townOfficer(townB).get("/api/v1/stats/inspectors?month=" + month).json()
                .get("totalElements").asLong()).isZero();
        assertThat(admin().get("/api/v1/stats/inspectors?sort=name,asc").status()).isEqualTo(400);
    }

    @Test
    void overviewSectionsAnswerWithinTheScope() {
        Map<String, OverviewSection> byKey = new java.util.HashMap<>();
        sections.forEach(s -> byKey.put(s.key(), s));
        assertThat(byKey).containsKeys("grid", "training", "handbooks");

        JsonNode grid = TestHttp.JSON.valueToTree(byKey.get("grid").figures(ReportScope.town(townA), space));
        assertThat(grid.get("establishments").asLong()).isEqualTo(1);
        assertThat(grid.get("coverage").get("value").asDouble()).isEqualTo(1.0);
        assertThat(grid.get("byKind").get("INDUSTRIAL").asLong()).isEqualTo(1);
        JsonNode handbook = TestHttp.JSON.valueToTree(byKey.get("handbooks").figures(ReportScope.town(townA), space));
        assertThat(handbook.get("adoption").get("value").asDouble()).isEqualTo(1.0);
        JsonNode trainingFigures = TestHttp.JSON.valueToTree(byKey.get("training")
                .figures(ReportScope.town(townA), space));
        assertThat(trainingFigures.get("sessionPersonTimes").asLong()).isEqualTo(18);
        assertThat(trainingFigures.get("participation").get("target").asDouble()).isEqualTo(0.8);
    }

}
