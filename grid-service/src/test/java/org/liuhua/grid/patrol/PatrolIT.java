package org.liuhua.grid.patrol;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.liuhua.events.Topics;
import org.liuhua.events.grid.PatrolCompleted;
import org.liuhua.events.grid.PatrolFindingRecorded;
import org.liuhua.grid.GridIT;
import org.liuhua.kit.outbox.EventJson;
import org.liuhua.kit.test.TestHttp;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class PatrolIT extends GridIT {

    @Test
    void resendingThePatrolTrackBatchAndCheckInChangesNothingAndAFarCheckInIsNotProven() {
        Place place = place(TOWN, "KEY");
        String near = registerEstablishment(place, "GENERAL");
        String far = registerEstablishment(place, "GENERAL");
        String inspector = registerInspector(place);
        TestHttp app = inspector(inspector);
        assertThat(app.get("/api/v1/establishments/" + near).status()).as("in the inspector's unit").isEqualTo(200);
        assertThat(app.get("/api/v1/establishments?size=100").json().get("items").findValuesAsString("id"))
                .containsExactlyInAnyOrder(near, far);
        String patrol = unique("patrol");
        Instant started = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

        Map<String, Object> start = Map.of("id", patrol, "unitId", place.unitId(), "startedAt", started.toString());
        assertThat(app.post("/api/v1/patrols", start).status()).isEqualTo(201);
        assertThat(app.post("/api/v1/patrols", start).status()).isEqualTo(200);

        Map<String, Object> batch = Map.of("batchId", "b1", "points", List.of(
                Map.of("lat", LAT, "lon", LON, "deviceTime", started.plusSeconds(60).toString()),
                Map.of("lat", LAT + 0.001, "lon", LON, "deviceTime", started.plusSeconds(120).toString())));
        assertThat(app.post("/api/v1/patrols/" + patrol + "/track", batch).status()).isEqualTo(201);
        TestHttp.Response resentBatch = app.post("/api/v1/patrols/" + patrol + "/track", batch);
        assertThat(resentBatch.status()).isEqualTo(200);
        assertThat(resentBatch.json().get("duplicate").asBoolean()).isTrue();
        assertThat(app.get("/api/v1/patrols/" + patrol + "/track").json().get("items").size()).isEqualTo(1);

        Map<String, Object> checkIn = Map.of("id", "c1", "establishmentId", near, "lat", LAT + 0.0005,
                "lon", LON, "deviceTime", started.plusSeconds(600).toString());
        TestHttp.Response first = app.post("/api/v1/patrols/" + patrol + "/check-ins", checkIn);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.json().get("proven").asBoolean()).isTrue();
        assertThat(app.post("/api/v1/patrols/" + patrol + "/check-ins", checkIn).status()).isEqualTo(200);

        // 0.045° of latitude is about 5 km
        TestHttp.Response distant = app.post("/api/v1/patrols/" + patrol + "/check-ins", Map.of("id", "c2",
                "establishmentId", far, "lat", LAT + 0.045, "lon", LON,
                "deviceTime", started.plusSeconds(900).toString()));
        assertThat(distant.status()).isEqualTo(201);
        assertThat(distant.json().get("proven").asBoolean()).isFalse();
        assertThat(distant.json().get("distanceMeters").asDouble()).isGreaterThan(4900).isLessThan(5100);

        TestHttp.Response done = app.post("/api/v1/patrols/" + patrol + "/complete",
                Map.of("deviceTime", started.plusSeconds(3600).toString()));
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        assertThat(app.post("/api/v1/patrols/" + patrol + "/complete",
                Map.of("deviceTime", started.plusSeconds(3600).toString())).status()).isEqualTo(200);
        assertThat(app.post("/api/v1/patrols/" + patrol + "/check-ins", checkIn).status())
                .as("re-sent after completion").isEqualTo(200);

        JsonNode stored = app.get("/api/v1/patrols/" + patrol).json();
        assertThat(stored.get("checkIns").size()).isEqualTo(2);
        assertThat(stored.get("state").asString()).isEqualTo("COMPLETED");
        assertThat(stored.get("receivedAt").isNull()).isFalse();

        var completed = events(Topics.GRID, patrol, "liuhua.grid.patrol-completed.v1", 1);
        PatrolCompleted payload = EventJson.read(completed.get(0).value(), PatrolCompleted.class);
        assertThat(payload.provenEstablishmentIds()).containsExactly(near);
        assertThat(payload.unprovenEstablishmentIds()).containsExactly(far);
        assertThat(drain(Topics.GRID, patrol, "liuhua.grid.patrol-completed.v1", Duration.ofSeconds(2))).hasSize(1);

        LocalDate today = calendar.today();
        JsonNode coverage = admin().get("/api/v1/coverage?unitId=" + place.unitId() + "&from=" + today.minusDays(5)
                + "&to=" + today.plusDays(1)).json();
        assertThat(coverage.get("establishments").asInt()).isEqualTo(2);
        assertThat(coverage.get("covered").asInt()).isEqualTo(1);
        assertThat(coverage.get("rate").asDouble()).isEqualTo(0.5);
        assertThat(coverage.get("uncoveredIds").get(0).asString()).isEqualTo(far);
    }

    @Test
    void aFindingIsPublishedOnceAlsoWhenTheAppSendsItAgain() {
        Place place = place(TOWN, "GENERAL");
        String est = registerEstablishment(place, "SIGNIFICANT");
        String inspector = registerInspector(place);
        TestHttp app = inspector(inspector);
        String patrol = unique("patrol");
        Instant started = Instant.now().minus(1, ChronoUnit.HOURS);
        ok(app.post("/api/v1/patrols", Map.of("id", patrol, "unitId", place.unitId(), "startedAt",
                started.toString())));
        String findingId = unique("finding");
        // the photo was uploaded to hazard-service's evidence store first; the finding carries its id (ADR 0012)
        String photoId = uploadedPhoto(inspector);
        Map<String, Object> finding = Map.of("id", findingId, "establishmentId", est, "category", "FIRE_SAFETY",
                "severity", "MAJOR", "description", "消防通道堵塞",
                "deviceTime", started.plusSeconds(300).toString(), "photoIds", List.of(photoId));
        TestHttp.Response created = app.post("/api/v1/patrols/" + patrol + "/findings", finding);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("duplicate").asBoolean()).isFalse();
        TestHttp.Response resent = app.post("/api/v1/patrols/" + patrol + "/findings", finding);
        assertThat(resent.status()).isEqualTo(200);
        assertThat(resent.json().get("duplicate").asBoolean()).as("a repeat is answered as one").isTrue();

        // finding ids are the app's, unique within their patrol: the event's key is patrol and finding
        String key = patrol + ":" + findingId;
        var recorded = events(Topics.GRID, key, "liuhua.grid.patrol-finding-recorded.v1", 1);
        PatrolFindingRecorded payload = EventJson.read(recorded.get(0).value(), PatrolFindingRecorded.class);
        assertThat(payload.patrolId()).isEqualTo(patrol);
        assertThat(payload.inspectorId()).isEqualTo(inspector);
        assertThat(payload.townId()).isEqualTo(TOWN);
        assertThat(payload.severity()).isEqualTo("MAJOR");
        assertThat(payload.photoIds()).containsExactly(photoId);
        assertThat(created.json().get("photoIds").get(0).asString()).isEqualTo(photoId);
        TestHttp.Response badPhoto = app.post("/api/v1/patrols/sync", Map.of("id", patrol, "unitId",
                place.unitId(), "startedAt", started.toString(), "findings", List.of(Map.of("id", unique("f"),
                        "establishmentId", est, "category", "GAS", "description", "燃气报警器失灵",
                        "deviceTime", started.plusSeconds(400).toString(),
                        "photoIds", List.of(photoId, "../../etc/passwd")))));
        assertThat(badPhoto.status()).as(badPhoto.toString()).isEqualTo(400);
        assertThat(badPhoto.json().get("errors").findValuesAsString("field"))
                .containsExactly("findings[0].photoIds[1]");
        assertThat(drain(Topics.GRID, key, "liuhua.grid.patrol-finding-recorded.v1", Duration.ofSeconds(2)))
                .hasSize(1);

        TestHttp.Response badSeverity = app.post("/api/v1/patrols/" + patrol + "/findings", Map.of("id", "f-x",
                "establishmentId", est, "category", "X", "severity", "HUGE", "description", "x",
                "deviceTime", started.toString()));
        assertThat(badSeverity.status()).isEqualTo(400);
        assertThat(badSeverity.json().get("errors").get(0).get("field").asString()).isEqualTo("severity");
    }

    @Test
    void aWholePatrolRecordedOfflineIsSyncedOnceWithItsDeviceTimes() {
        Place place = place(TOWN, "GENERAL");
        String est = registerEstablishment(place, "LOW");
        String inspector = registerInspector(place);
        String patrol = unique("patrol");
        // phones send device times with sub-millisecond digits; the re-sent patrol must still compare equal
        Instant started = Instant.parse("2026-02-10T01:00:00.000123456Z");
        Map<String, Object> sync = Map.of("id", patrol, "unitId", place.unitId(), "inspectorId", inspector,
                "startedAt", started.toString(), "completedAt", started.plusSeconds(5400).toString(),
                "track", List.of(Map.of("lat", LAT, "lon", LON, "deviceTime", started.plusSeconds(30).toString())),
                "checkIns", List.of(Map.of("id", patrol + "-c1", "establishmentId", est, "lat", LAT, "lon", LON,
                        "deviceTime", started.plusSeconds(600).toString())),
                "findings", List.of(Map.of("id", patrol + "-f1", "establishmentId", est, "category", "ELECTRICAL",
                        "description", "私拉乱接电线", "deviceTime", started.plusSeconds(700).toString())));
        TestHttp.Response first = admin().post("/api/v1/patrols/sync", sync);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().get("state").asString()).isEqualTo("COMPLETED");
        assertThat(first.json().get("startedAt").asString()).isEqualTo("2026-02-10T01:00:00Z");
        assertThat(first.json().get("checkIns").get(0).get("deviceTime").asString())
                .isEqualTo("2026-02-10T01:10:00Z");
        assertThat(admin().post("/api/v1/patrols/sync", sync).status()).isEqualTo(200);
        JsonNode stored = admin().get("/api/v1/patrols/" + patrol).json();
        assertThat(stored.get("checkIns").size()).isEqualTo(1);
        assertThat(stored.get("findings").size()).isEqualTo(1);
        assertThat(drain(Topics.GRID, patrol, "liuhua.grid.patrol-completed.v1", Duration.ofSeconds(3)))
                .hasSize(1);

        JsonNode coverage = admin().get("/api/v1/coverage?unitId=" + place.unitId()
                + "&from=2026-02-01&to=2026-02-28").json();
        assertThat(coverage.get("covered").asInt()).isEqualTo(1);
    }

    @Test
    void anotherInspectorCannotSeeOrWriteMyPatrol() {
        Place place = place(TOWN, "GENERAL");
        String mine = registerInspector(place);
        String theirs = registerInspector(place);
        String patrol = unique("patrol");
        ok(inspector(mine).post("/api/v1/patrols", Map.of("id", patrol, "unitId", place.unitId(),
                "startedAt", Instant.now().toString())));
        assertThat(inspector(theirs).get("/api/v1/patrols/" + patrol).status()).isEqualTo(404);
        assertThat(inspector(theirs).post("/api/v1/patrols/" + patrol + "/complete",
                Map.of("deviceTime", Instant.now().toString())).status()).isEqualTo(404);
        assertThat(townOfficer(TOWN).post("/api/v1/patrols", Map.of("id", unique("p"), "unitId", place.unitId(),
                "startedAt", Instant.now().toString())).status()).isEqualTo(403);
    }
}
