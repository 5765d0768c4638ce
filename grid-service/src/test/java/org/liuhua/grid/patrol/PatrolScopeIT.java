package org.liuhua.grid.patrol;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.liuhua.events.Topics;
import org.liuhua.events.grid.PatrolFindingRecorded;
import org.liuhua.grid.GridIT;
import org.liuhua.kit.outbox.EventJson;
import org.liuhua.kit.test.TestHttp;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13: a patrol records only at establishments of its unit or of the inspector's units (another town's answers
 * as an unknown one), a sync is checked whole before anything is written and is bounded, device times are bounded,
 * and finding ids are the app's within a patrol (another inspector's finding of the same id is its own finding; a
 * repeat is answered as one).
 */
class PatrolScopeIT extends GridIT {

    private static Map<String, Object> checkIn(String id, String establishmentId, Instant at) {
        return Map.of("id", id, "establishmentId", establishmentId, "lat", LAT, "lon", LON, "deviceTime",
                at.toString());
    }

    private static Map<String, Object> finding(String id, String establishmentId, Instant at) {
        return Map.of("id", id, "establishmentId", establishmentId, "category", "FIRE_SAFETY",
                "description", "灭火器过期", "deviceTime", at.toString());
    }

    /** The answer without the id it names, to compare an answer about a foreign id with one about an unknown id. */
    private static String shape(TestHttp.Response r, String id) {
        JsonNode body = r.json();
        return r.status() + " " + body.path("title").asString() + " " + body.path("detail").asString().replace(id, "ID")
                + " " + body.get("errors").toString().replace(id, "ID");
    }

    @Test
    void anotherTownsEstablishmentOrUnitAnswersExactlyAsAnUnknownOne() {
        Place place = place(TOWN, "GENERAL");
        Place elsewhere = place(OTHER_TOWN, "GENERAL");
        String own = registerEstablishment(place, "GENERAL");
        String foreign = registerEstablishment(elsewhere, "GENERAL");
        String unknown = unique("est-none");
        String inspector = registerInspector(place);
        TestHttp app = inspector(inspector);
        Instant started = Instant.now().minus(1, ChronoUnit.HOURS);
        String patrol = unique("patrol");
        ok(app.post("/api/v1/patrols", Map.of("id", patrol, "unitId", place.unitId(), "startedAt",
                started.toString())));
        String base = "/api/v1/patrols/" + patrol;

        TestHttp.Response foreignCheckIn = app.post(base + "/check-ins", checkIn("c1", foreign, started));
        TestHttp.Response unknownCheckIn = app.post(base + "/check-ins", checkIn("c1", unknown, started));
        assertThat(foreignCheckIn.status()).as(foreignCheckIn.toString()).isEqualTo(400);
        assertThat(shape(foreignCheckIn, foreign)).isEqualTo(shape(unknownCheckIn, unknown));
        assertThat(foreignCheckIn.json().get("errors").findValuesAsString("field")).containsExactly("establishmentId");

        TestHttp.Response foreignFinding = app.post(base + "/findings", finding("f1", foreign, started));
        TestHttp.Response unknownFinding = app.post(base + "/findings", finding("f1", unknown, started));
        assertThat(foreignFinding.status()).isEqualTo(400);
        assertThat(shape(foreignFinding, foreign)).isEqualTo(shape(unknownFinding, unknown));

        String synced = unique("patrol");
        TestHttp.Response foreignSync = app.post("/api/v1/patrols/sync", Map.of("id", synced, "unitId",
                place.unitId(), "startedAt", started.toString(),
                "checkIns", List.of(checkIn("c1", own, started), checkIn("c2", foreign, started)),
                "findings", List.of(finding("f1", foreign, started))));
        assertThat(foreignSync.status()).isEqualTo(400);
        assertThat(foreignSync.json().get("errors").findValuesAsString("field"))
                .containsExactly("checkIns[1].establishmentId", "findings[0].establishmentId");
        assertThat(admin().get("/api/v1/patrols/" + synced).status()).as("nothing stored").isEqualTo(404);

        assertThat(app.post(base + "/check-ins", checkIn("c1", own, started)).status()).isEqualTo(201);
        assertThat(app.get(base).json().get("checkIns").findValuesAsString("establishmentId")).containsExactly(own);

        String unknownUnit = unique("unit-none");
        TestHttp.Response foreignStart = app.post("/api/v1/patrols", Map.of("id", unique("patrol"), "unitId",
                elsewhere.unitId(), "startedAt", started.toString()));
        TestHttp.Response unknownStart = app.post("/api/v1/patrols", Map.of("id", unique("patrol"), "unitId",
                unknownUnit, "startedAt", started.toString()));
        assertThat(foreignStart.status()).isEqualTo(400);
        assertThat(shape(foreignStart, elsewhere.unitId())).isEqualTo(shape(unknownStart, unknownUnit));
    }

    @Test
    void aRefusedSyncStoresNothingAndABoundedOneNamesTheField() {
        Place place = place(TOWN, "GENERAL");
        String est = registerEstablishment(place, "LOW");
        String inspector = registerInspector(place);
        TestHttp app = inspector(inspector);
        Instant started = Instant.now().minus(2, ChronoUnit.HOURS);

        // a good check-in before a bad finding: the check-in must not be stored either
        String patrol = unique("patrol");
        TestHttp.Response badSeverity = app.post("/api/v1/patrols/sync", Map.of("id", patrol, "unitId",
                place.unitId(), "startedAt", started.toString(),
                "checkIns", List.of(checkIn("c1", est, started.plusSeconds(60))),
                "findings", List.of(Map.of("id", "f1", "establishmentId", est, "category", "FIRE_SAFETY",
                        "severity", "HUGE", "description", "x", "deviceTime", started.plusSeconds(90).toString()))));
        assertThat(badSeverity.status()).as(badSeverity.toString()).isEqualTo(400);
        assertThat(badSeverity.json().get("errors").findValuesAsString("field")).containsExactly("findings[0].severity");
        assertThat(admin().get("/api/v1/patrols/" + patrol).status()).isEqualTo(404);

        TestHttp.Response badCompletion = app.post("/api/v1/patrols/sync", Map.of("id", patrol, "unitId",
                place.unitId(), "startedAt", started.toString(), "completedAt", started.minusSeconds(60).toString(),
                "checkIns", List.of(checkIn("c1", est, started.plusSeconds(60)))));
        assertThat(badCompletion.status()).isEqualTo(400);
        assertThat(badCompletion.json().get("errors").findValuesAsString("field")).containsExactly("completedAt");
        assertThat(admin().get("/api/v1/patrols/" + patrol).status()).isEqualTo(404);

        Instant future = Instant.parse("2999-01-01T00:00:00Z");
        TestHttp.Response futureTimes = app.post("/api/v1/patrols/sync", Map.of("id", patrol, "unitId",
                place.unitId(), "startedAt", started.toString(),
                "checkIns", List.of(checkIn("c1", est, future)), "findings", List.of(finding("f1", est, future))));
        assertThat(futureTimes.status()).isEqualTo(400);
        assertThat(futureTimes.json().get("errors").findValuesAsString("field"))
                .containsExactly("checkIns[0].deviceTime", "findings[0].deviceTime");
        assertThat(admin().get("/api/v1/patrols/" + patrol).status()).isEqualTo(404);

        List<Map<String, Object>> many = new ArrayList<>();
        List<Map<String, Object>> manyFindings = new ArrayList<>();
        for (int i = 0; i < 201; i++) {
            many.add(checkIn("c" + i, est, started.plusSeconds(i)));
            manyFindings.add(finding("f" + i, est, started.plusSeconds(i)));
        }
        TestHttp.Response tooMany = app.post("/api/v1/patrols/sync", Map.of("id", patrol, "unitId", place.unitId(),
                "startedAt", started.toString(), "checkIns", many, "findings", manyFindings));
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().get("errors").findValuesAsString("field")).contains("checkIns", "findings");
        assertThat(admin().get("/api/v1/patrols/" + patrol).status()).isEqualTo(404);

        TestHttp.Response farFuture = app.post("/api/v1/patrols", Map.of("id", unique("patrol"), "unitId",
                place.unitId(), "startedAt", "2999-01-01T00:00:00Z"));
        assertThat(farFuture.status()).isEqualTo(400);
        assertThat(farFuture.json().get("errors").findValuesAsString("field")).containsExactly("startedAt");
        TestHttp.Response ancient = app.post("/api/v1/patrols", Map.of("id", unique("patrol"), "unitId",
                place.unitId(), "startedAt", "1999-12-31T23:59:59Z"));
        assertThat(ancient.status()).isEqualTo(400);
        assertThat(ancient.json().get("errors").findValuesAsString("field")).containsExactly("startedAt");

        ok(app.post("/api/v1/patrols", Map.of("id", patrol, "unitId", place.unitId(), "startedAt",
                started.toString())));
        TestHttp.Response futureCheckIn = app.post("/api/v1/patrols/" + patrol + "/check-ins",
                checkIn("c1", est, Instant.now().plus(2, ChronoUnit.DAYS)));
        assertThat(futureCheckIn.status()).isEqualTo(400);
        assertThat(futureCheckIn.json().get("errors").findValuesAsString("field")).containsExactly("deviceTime");
        TestHttp.Response futureCompletion = app.post("/api/v1/patrols/" + patrol + "/complete",
                Map.of("deviceTime", future.toString()));
        assertThat(futureCompletion.status()).isEqualTo(400);
        assertThat(futureCompletion.json().get("errors").findValuesAsString("field")).containsExactly("deviceTime");
        JsonNode stored = app.get("/api/v1/patrols/" + patrol).json();
        assertThat(stored.get("checkIns").size()).isZero();
        assertThat(stored.get("state").asString()).isEqualTo("OPEN");
    }

    @Test
    void theSameFindingIdOfTwoInspectorsIsTwoFindingsAndARepeatIsAnsweredAsADuplicate() {
        Place place = place(TOWN, "GENERAL");
        String est = registerEstablishment(place, "GENERAL");
        String first = registerInspector(place);
        String second = registerInspector(place);
        Instant started = Instant.now().minus(1, ChronoUnit.HOURS);
        String findingId = unique("f");
        String patrol1 = unique("patrol");
        String patrol2 = unique("patrol");
        Map<String, Object> sync1 = new LinkedHashMap<>(Map.of("id", patrol1, "unitId", place.unitId(),
                "startedAt", started.toString(), "checkIns", List.of(checkIn("c1", est, started.plusSeconds(30))),
                "findings", List.of(finding(findingId, est, started.plusSeconds(60)))));
        TestHttp.Response created = inspector(first).post("/api/v1/patrols/sync", sync1);
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        assertThat(created.json().get("findingResults").get(0).get("status").asString()).isEqualTo("CREATED");
        assertThat(created.json().get("checkInResults").get(0).get("status").asString()).isEqualTo("CREATED");

        ok(inspector(second).post("/api/v1/patrols", Map.of("id", patrol2, "unitId", place.unitId(),
                "startedAt", started.toString())));
        TestHttp.Response theirs = inspector(second).post("/api/v1/patrols/" + patrol2 + "/findings",
                finding(findingId, est, started.plusSeconds(90)));
        assertThat(theirs.status()).as("another inspector's finding of the same id is new").isEqualTo(201);
        assertThat(theirs.json().get("duplicate").asBoolean()).isFalse();

        TestHttp.Response repeat = inspector(first).post("/api/v1/patrols/sync", sync1);
        assertThat(repeat.status()).isEqualTo(200);
        assertThat(repeat.json().get("findingResults").get(0).get("status").asString()).isEqualTo("DUPLICATE");
        assertThat(repeat.json().get("checkInResults").get(0).get("status").asString()).isEqualTo("DUPLICATE");
        assertThat(repeat.json().get("findings").size()).isEqualTo(1);

        for (String patrol : List.of(patrol1, patrol2)) {
            var recorded = events(Topics.GRID, patrol + ":" + findingId, "liuhua.grid.patrol-finding-recorded.v1", 1);
            PatrolFindingRecorded payload = EventJson.read(recorded.get(0).value(), PatrolFindingRecorded.class);
            assertThat(payload.patrolId()).isEqualTo(patrol);
            assertThat(payload.findingId()).isEqualTo(findingId);
        }
    }
}
