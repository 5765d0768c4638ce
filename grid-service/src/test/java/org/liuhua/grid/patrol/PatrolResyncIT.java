package org.liuhua.grid.patrol;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.liuhua.events.Topics;
import org.liuhua.events.grid.PatrolFindingCorrected;
import org.liuhua.events.grid.PatrolFindingWithdrawn;
import org.liuhua.grid.GridIT;
import org.liuhua.kit.outbox.EventJson;
import org.liuhua.kit.test.TestHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * G-5 on real phones: a patrol re-synced with more track points keeps them all (and a repeat adds none); a finding
 * is corrected or withdrawn until grid-service learns that it became a hazard.
 */
class PatrolResyncIT extends GridIT {

    private static final Instant START = Instant.parse("2026-11-02T01:30:00Z");

    @Autowired
    KafkaTemplate<String, CloudEvent> kafka;

    @Autowired
    MongoTemplate mongo;

    @Test
    void aPatrolReSyncedWithTenMoreTrackPointsHasThemAll() {
        Place place = place(TOWN, "GENERAL");
        String est = registerEstablishment(place, "GENERAL");
        String inspector = registerInspector(place);
        String patrol = unique("p");
        TestHttp app = inspector(inspector);

        ok(app.post("/api/v1/patrols/sync", sync(patrol, place, est, points(5), List.of())));
        assertThat(trackPoints(app, patrol)).isEqualTo(5);
        TestHttp.Response again = app.post("/api/v1/patrols/sync", sync(patrol, place, est, points(15), List.of()));
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(trackPoints(app, patrol)).isEqualTo(15);
        ok(app.post("/api/v1/patrols/sync", sync(patrol, place, est, points(15), List.of())));
        assertThat(trackPoints(app, patrol)).isEqualTo(15);
    }

    @Test
    void aFindingIsCorrectedOrWithdrawnUntilItBecameAHazard() {
        Place place = place(TOWN, "GENERAL");
        String est = registerEstablishment(place, "GENERAL");
        String inspector = registerInspector(place);
        String patrol = unique("p");
        TestHttp app = inspector(inspector);
        ok(app.post("/api/v1/patrols/sync", sync(patrol, place, est, points(2), List.of(
                finding("f1", est, "消防通道堵塞"), finding("f2", est, "灭火器过期"), finding("f3", est, "电线私拉乱接")))));

        String f1 = "/api/v1/patrols/" + patrol + "/findings/f1";
        TestHttp.Response corrected = app.put(f1, Map.of("category", "FIRE_SAFETY", "severity", "GENERAL",
                "description", "二号车间东侧消防通道被成品货架堵塞"));
        assertThat(corrected.status()).as(corrected.toString()).isEqualTo(200);
        assertThat(corrected.json().get("description").asString()).isEqualTo("二号车间东侧消防通道被成品货架堵塞");
        assertThat(corrected.json().get("correctedAt").isNull()).isFalse();
        TestHttp.Response badSeverity = app.put(f1, Map.of("category", "FIRE_SAFETY", "severity", "HUGE",
                "description", "x"));
        assertThat(badSeverity.status()).isEqualTo(400);
        assertThat(badSeverity.json().get("errors").findValuesAsString("field")).contains("severity");
        assertThat(app.put("/api/v1/patrols/" + patrol + "/findings/nope", Map.of("category", "FIRE_SAFETY",
                "description", "x")).status()).isEqualTo(404);
        assertThat(inspector(registerInspector(place)).put(f1, Map.of("category", "FIRE_SAFETY",
                "description", "x")).status()).isEqualTo(404);

        TestHttp.Response withdrawn = app.post("/api/v1/patrols/" + patrol + "/findings/f2/withdraw",
                Map.of("reason", "误录：灭火器在有效期内"));
        assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);
        assertThat(withdrawn.json().get("withdrawnAt").isNull()).isFalse();
        assertThat(app.post("/api/v1/patrols/" + patrol + "/findings/f2/withdraw", Map.of()).status())
                .isEqualTo(400);

        // the phone re-sends its first version: the correction and the withdrawal stand
        TestHttp.Response resent = app.post("/api/v1/patrols/sync", sync(patrol, place, est, points(2), List.of(
                finding("f1", est, "消防通道堵塞"), finding("f2", est, "灭火器过期"), finding("f3", est, "电线私拉乱接"))));
        assertThat(resent.status()).as(resent.toString()).isEqualTo(200);
        JsonNode stored = app.get("/api/v1/patrols/" + patrol).json().get("findings");
        assertThat(stored.get(0).get("description").asString()).isEqualTo("二号车间东侧消防通道被成品货架堵塞");
        assertThat(stored.get(1).get("withdrawnAt").isNull()).isFalse();

        // hazard-service had made a hazard of f2 before the withdrawal reached it (it voids that hazard): grid hears
        // of it after the withdrawal, and the inspector's month does not count f2 as a hazard found
        String voided = UUID.randomUUID().toString();
        kafka.send(Topics.HAZARD, voided, event(voided, "liuhua.hazard.reported.v1", Map.of("hazardId", voided,
                "source", "GRID_PATROL", "sourceRef", patrol + ":f2", "establishmentId", est)));
        String hazard = UUID.randomUUID().toString();
        // on the same partition as f2's event (same record key), so it is applied after it
        kafka.send(Topics.HAZARD, voided, event(hazard, "liuhua.hazard.reported.v1", Map.of("hazardId", hazard,
                "source", "GRID_PATROL", "sourceRef", patrol + ":f3", "establishmentId", est)));
        Awaitility.await().atMost(20, TimeUnit.SECONDS).untilAsserted(() -> {
            TestHttp.Response late = app.put("/api/v1/patrols/" + patrol + "/findings/f3",
                    Map.of("category", "ELECTRICAL", "description", "配电箱电线私拉乱接"));
            assertThat(late.status()).as(late.toString()).isEqualTo(409);
            assertThat(late.body()).contains("BECAME_HAZARD");
        });
        assertThat(app.post("/api/v1/patrols/" + patrol + "/findings/f3/withdraw", Map.of("reason", "误录"))
                .status()).isEqualTo(409);
        Awaitility.await().atMost(20, TimeUnit.SECONDS).until(() -> monthHazards(inspector).contains(patrol + ":f3"));
        assertThat(monthHazards(inspector)).as("a withdrawn finding is no hazard found").doesNotContain(patrol + ":f2");

        var corrections = events(Topics.GRID, patrol + ":f1", "liuhua.grid.patrol-finding-corrected.v1", 1);
        assertThat(EventJson.read(corrections.get(0).value(), PatrolFindingCorrected.class).description())
                .isEqualTo("二号车间东侧消防通道被成品货架堵塞");
        var withdrawals = events(Topics.GRID, patrol + ":f2", "liuhua.grid.patrol-finding-withdrawn.v1", 1);
        assertThat(EventJson.read(withdrawals.get(0).value(), PatrolFindingWithdrawn.class).reason())
                .isEqualTo("误录：灭火器在有效期内");
    }

    /** The hazards found in the inspector's months (grid's assessment read model), as finding keys. */
    private List<String> monthHazards(String inspector) {
        List<String> keys = new ArrayList<>();
        mongo.find(new Query(Criteria.where("_id").regex("^" + java.util.regex.Pattern.quote(inspector) + "#")),
                org.bson.Document.class, "inspector_months")
                .forEach(d -> keys.addAll(d.getList("hazards", String.class, List.of())));
        return keys;
    }

    private static int trackPoints(TestHttp app, String patrol) {
        TestHttp.Response track = app.get("/api/v1/patrols/" + patrol + "/track?size=200");
        assertThat(track.status()).as(track.toString()).isEqualTo(200);
        int points = 0;
        for (JsonNode batch : track.json().get("items")) {
            points += batch.get("points").size();
        }
        return points;
    }

    /** A track of {@code n} points one minute apart (so a re-sync spans several slots). */
    private static List<Map<String, Object>> points(int n) {
        List<Map<String, Object>> points = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            points.add(Map.of("lat", LAT + i * 0.0001, "lon", LON, "deviceTime", START.plusSeconds(60L * i).toString()));
        }
        return points;
    }

    private static Map<String, Object> finding(String id, String est, String description) {
        return Map.of("id", id, "establishmentId", est, "category", "FIRE_SAFETY", "severity", "GENERAL",
                "description", description, "deviceTime", START.plusSeconds(120).toString());
    }

    private static Map<String, Object> sync(String patrol, Place place, String est, List<Map<String, Object>> track,
                                            List<Map<String, Object>> findings) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", patrol);
        body.put("unitId", place.unitId());
        body.put("startedAt", START.toString());
        body.put("track", track);
        body.put("checkIns", List.of(Map.of("id", "c1", "establishmentId", est, "lat", LAT, "lon", LON,
                "deviceTime", START.plusSeconds(60).toString())));
        body.put("findings", findings);
        return body;
    }

    private static CloudEvent event(String key, String type, Map<String, Object> payload) {
        return CloudEventBuilder.v1().withId(UUID.randomUUID().toString()).withType(type)
                .withSource(URI.create("/hazard-service")).withSubject(key)
                .withData("application/json", TestHttp.JSON.writeValueAsString(payload)
                        .getBytes(StandardCharsets.UTF_8))
                .build();
    }
}
