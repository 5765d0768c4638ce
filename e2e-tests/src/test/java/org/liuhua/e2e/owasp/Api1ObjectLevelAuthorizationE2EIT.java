package org.liuhua.e2e.owasp;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.liuhua.e2e.DemoFixture;
import org.liuhua.kit.test.TestHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OWASP API1:2023 Broken Object Level Authorization. Every object outside the caller's scope answers exactly like an
 * object that does not exist — for reads and for writes that name another aggregate (a patrol's establishment, a
 * patrol's unit) — so a caller can neither act on nor discover what is not theirs.
 */
class Api1ObjectLevelAuthorizationE2EIT {

    static final String OWN_UNIT = "zjg-jinfeng-v01-g1-u1";
    static final String FOREIGN_UNIT = "zjg-leyu-v01-g1-u1";
    static final String FOREIGN_ESTABLISHMENT = "est-leyu-0001";

    @BeforeAll
    static void demoSlice() {
        DemoFixture.ensure();
    }

    @Test
    void aTownOfficerReadsAnotherTownsHazardAsIfItDidNotExist() {
        TestHttp.Response created = Probes.admin().post("/api/v1/hazards", Map.of("establishmentId",
                FOREIGN_ESTABLISHMENT, "townId", "zjg-leyu", "category", "FIRE_SAFETY", "source", "LAW_ENFORCEMENT",
                "description", "消防通道堵塞 " + Probes.unique()));
        assertThat(created.status()).as("created, or joined to the open hazard: " + created).isIn(200, 201);
        String foreign = created.json().path("id").asString();

        TestHttp officer = Probes.as("town-officer");
        TestHttp.Response hidden = officer.get("/api/v1/hazards/" + foreign);
        TestHttp.Response missing = officer.get("/api/v1/hazards/no-such-hazard-" + Probes.unique());
        Probes.assertProblem(hidden, 404);
        Probes.assertProblem(missing, 404);
        assertThat(hidden.json().path("title").asString()).isEqualTo(missing.json().path("title").asString());
        Probes.assertProblem(Probes.as("enterprise-officer").get("/api/v1/hazards/" + foreign), 404);
        Probes.assertProblem(officer.post("/api/v1/hazards/" + foreign + "/acknowledge", Map.of()), 404);
    }

    @Test
    void anInspectorCannotRecordFindingsOrCheckInsAtAnotherTownsEstablishment() {
        TestHttp inspector = Probes.as("inspector");
        String patrol = "owasp-patrol-" + Probes.unique();
        Instant started = Instant.now().minusSeconds(600);
        TestHttp.Response start = inspector.post("/api/v1/patrols", Map.of("id", patrol, "unitId", OWN_UNIT,
                "startedAt", started.toString()));
        assertThat(start.status()).as(start.toString()).isEqualTo(201);

        TestHttp.Response foreign = inspector.post("/api/v1/patrols/" + patrol + "/findings",
                finding("f-" + Probes.unique(), FOREIGN_ESTABLISHMENT));
        TestHttp.Response unknown = inspector.post("/api/v1/patrols/" + patrol + "/findings",
                finding("f-" + Probes.unique(), "est-nowhere-" + Probes.unique()));
        assertThat(foreign.status()).as(foreign.toString()).isEqualTo(unknown.status()).isBetween(400, 404);
        assertThat(Probes.fields(foreign)).isEqualTo(Probes.fields(unknown));

        TestHttp.Response checkIn = inspector.post("/api/v1/patrols/" + patrol + "/check-ins", Map.of(
                "id", "c-" + Probes.unique(), "establishmentId", FOREIGN_ESTABLISHMENT, "lat", 31.95, "lon", 120.63,
                "deviceTime", Instant.now().minusSeconds(60).toString()));
        assertThat(checkIn.status()).as(checkIn.toString()).isEqualTo(unknown.status());

        TestHttp.Response sync = inspector.post("/api/v1/patrols/sync", Map.of("id", "owasp-sync-" + Probes.unique(),
                "unitId", OWN_UNIT, "startedAt", started.toString(),
                "findings", List.of(finding("f-" + Probes.unique(), FOREIGN_ESTABLISHMENT))));
        assertThat(sync.status()).as(sync.toString()).isBetween(400, 404);

        TestHttp.Response stored = inspector.get("/api/v1/patrols/" + patrol);
        assertThat(stored.json().path("findings").size()).as(stored.toString()).isZero();
        assertThat(stored.json().path("checkIns").size()).isZero();
    }

    @Test
    void startingAPatrolInAnotherTownsUnitAnswersLikeAnUnknownUnit() {
        TestHttp inspector = Probes.as("inspector");
        String now = Instant.now().minusSeconds(60).toString();
        TestHttp.Response foreign = inspector.post("/api/v1/patrols", Map.of("id", "owasp-" + Probes.unique(),
                "unitId", FOREIGN_UNIT, "startedAt", now));
        String nowhere = "zjg-nowhere-" + Probes.unique();
        TestHttp.Response unknown = inspector.post("/api/v1/patrols", Map.of("id", "owasp-" + Probes.unique(),
                "unitId", nowhere, "startedAt", now));
        assertThat(foreign.status()).as(foreign.toString()).isEqualTo(unknown.status()).isBetween(400, 404);
        assertThat(foreign.json().path("detail").asString().replace(FOREIGN_UNIT, "?"))
                .isEqualTo(unknown.json().path("detail").asString().replace(nowhere, "?"));
    }

    private static Map<String, Object> finding(String id, String establishment) {
        return Map.of("id", id, "establishmentId", establishment, "category", "FIRE_SAFETY", "severity", "GENERAL",
                "description", "灭火器压力不足", "deviceTime", Instant.now().minusSeconds(120).toString());
    }
}
