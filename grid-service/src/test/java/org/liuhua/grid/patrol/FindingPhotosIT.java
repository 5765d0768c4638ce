package org.liuhua.grid.patrol;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.liuhua.grid.GridIT;
import org.liuhua.kit.test.TestHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A patrol finding names only photos its inspector uploaded (G-5, ADR 0012): grid-service knows them from
 * hazard-service's {@code liuhua.hazard.evidence-uploaded.v1} events (a read model by evidence id), waits a moment
 * for one it has not heard of yet, and refuses an unknown or another owner's photo with 400 naming
 * {@code findings[i].photoIds[j]} — the whole sync, as for any bad part of it.
 */
class FindingPhotosIT extends GridIT {

    @Autowired
    MongoTemplate mongo;

    @Test
    void aSyncTakesTheInspectorsOwnPhotosAndRefusesUnknownAndForeignOnes() {
        Place place = place(TOWN, "GENERAL");
        String est = registerEstablishment(place, "GENERAL");
        String inspector = registerInspector(place);
        String colleague = registerInspector(place);
        TestHttp app = inspector(inspector);
        Instant started = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

        String known = uploadedPhoto(inspector);
        // uploaded a moment ago, its event not necessarily read yet: the sync waits for it
        String justUploaded = uploadedPhoto("inspector:" + inspector, false);
        String patrol = unique("patrol");
        Map<String, Object> sync = sync(patrol, place, started, List.of(
                finding(patrol + "-f0", est, started, List.of(known, justUploaded)),
                finding(patrol + "-f1", est, started, List.of())));
        TestHttp.Response accepted = app.post("/api/v1/patrols/sync", sync);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        assertThat(accepted.json().get("findingResults").findValuesAsString("status"))
                .containsExactly("CREATED", "CREATED");
        assertThat(accepted.json().get("findings").get(0).get("photoIds").toString()).contains(known, justUploaded);
        TestHttp.Response again = app.post("/api/v1/patrols/sync", sync);
        assertThat(again.status()).as("a re-sync stays idempotent").isEqualTo(200);
        assertThat(again.json().get("findingResults").findValuesAsString("status"))
                .containsExactly("DUPLICATE", "DUPLICATE");

        // another inspector's photo: refused at once, and nothing of the sync is stored
        String foreign = uploadedPhoto(colleague);
        String second = unique("patrol");
        TestHttp.Response refused = app.post("/api/v1/patrols/sync", sync(second, place, started, List.of(
                finding(second + "-f0", est, started, List.of(uploadedPhoto(inspector))),
                finding(second + "-f1", est, started, List.of(uploadedPhoto(inspector), foreign)))));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.json().get("errors").findValuesAsString("field")).containsExactly("findings[1].photoIds[1]");
        assertThat(app.get("/api/v1/patrols/" + second).status()).isEqualTo(404);

        // a photo nobody uploaded (its upload failed): refused after the wait, naming the field
        String third = unique("patrol");
        long before = System.nanoTime();
        TestHttp.Response unknown = app.post("/api/v1/patrols/sync", sync(third, place, started, List.of(
                finding(third + "-f0", est, started, List.of(UUID.randomUUID().toString())))));
        assertThat(Duration.ofNanos(System.nanoTime() - before)).as("waited for the photo's event")
                .isGreaterThanOrEqualTo(PHOTO_WAIT);
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(400);
        assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("findings[0].photoIds[0]");
        assertThat(unknown.json().get("errors").get(0).get("message").asString())
                .isEqualTo("unknown photo: upload it first with POST /api/v1/evidence");
        assertThat(app.get("/api/v1/patrols/" + third).status()).isEqualTo(404);

        // a single finding on a patrol under way: the same rule
        TestHttp.Response single = app.post("/api/v1/patrols/" + patrol + "/findings",
                finding(unique("f"), est, started, List.of(foreign)));
        assertThat(single.status()).as(single.toString()).isEqualTo(400);
        assertThat(single.json().get("errors").findValuesAsString("field")).containsExactly("photoIds[0]");
    }

    @Test
    void aRedeliveredUploadEventKeepsOnePhotoWithItsFirstOwner() {
        String evidenceId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        announcePhoto(eventId, evidenceId, "inspector:insp-a");
        announcePhoto(eventId, evidenceId, "inspector:insp-a");
        announcePhoto(UUID.randomUUID().toString(), evidenceId, "inspector:insp-b");
        // a later photo's event shows the three before it were consumed (one partition, in order)
        uploadedPhoto("inspector:insp-a", true);
        assertThat(mongo.count(new Query(Criteria.where("_id").is(evidenceId)), "uploaded_photos")).isEqualTo(1);
        Document stored = mongo.findById(evidenceId, Document.class, "uploaded_photos");
        assertThat(stored).isNotNull();
        assertThat(stored.getString("owner")).isEqualTo("inspector:insp-a");
        assertThat(stored.get("uploadedAt")).isNotNull();
    }

    /**
     * A photo hazard-service discarded as never attached ({@code liuhua.hazard.evidence-discarded.v1}) is forgotten: a
     * sync naming it is refused as naming an unknown photo, and an upload event delivered again afterwards does not
     * bring it back; the discard delivered twice, or before the upload, leaves the same.
     */
    @Test
    void aDiscardedPhotoIsForgottenAndASyncNamingItIsRefusedAsUnknown() {
        Place place = place(TOWN, "GENERAL");
        String est = registerEstablishment(place, "GENERAL");
        String inspector = registerInspector(place);
        TestHttp app = inspector(inspector);
        Instant started = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        String photo = uploadedPhoto(inspector);
        String uploadEvent = UUID.randomUUID().toString();
        String discardEvent = UUID.randomUUID().toString();
        discardPhoto(discardEvent, photo, "inspector:" + inspector);
        discardPhoto(discardEvent, photo, "inspector:" + inspector);
        announcePhoto(uploadEvent, photo, "inspector:" + inspector);
        // discarded before its upload event is read: stays discarded too
        String early = UUID.randomUUID().toString();
        discardPhoto(UUID.randomUUID().toString(), early, "inspector:" + inspector);
        announcePhoto(UUID.randomUUID().toString(), early, "inspector:" + inspector);
        // a later photo's event shows those before it were consumed (one partition, in order)
        String kept = uploadedPhoto(inspector);

        for (String id : List.of(photo, early)) {
            Document stored = mongo.findById(id, Document.class, "uploaded_photos");
            assertThat(stored).as(id).isNotNull();
            assertThat(stored.get("discardedAt")).as("discarded " + id).isNotNull();
            assertThat(stored.get("owner")).as("no owner left " + id).isNull();
        }
        String patrol = unique("patrol");
        TestHttp.Response refused = app.post("/api/v1/patrols/sync", sync(patrol, place, started, List.of(
                finding(patrol + "-f0", est, started, List.of(kept, photo)),
                finding(patrol + "-f1", est, started, List.of(early)))));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.json().get("errors").findValuesAsString("field"))
                .containsExactly("findings[0].photoIds[1]", "findings[1].photoIds[0]");
        assertThat(refused.json().get("errors").findValuesAsString("message")).containsOnly(
                "unknown photo: upload it first with POST /api/v1/evidence");
        assertThat(app.get("/api/v1/patrols/" + patrol).status()).isEqualTo(404);

        TestHttp.Response accepted = app.post("/api/v1/patrols/sync", sync(patrol, place, started, List.of(
                finding(patrol + "-f0", est, started, List.of(kept)))));
        assertThat(accepted.status()).as("the photo not discarded is still good: " + accepted).isEqualTo(200);
    }

    private static Map<String, Object> sync(String id, Place place, Instant started,
                                            List<Map<String, Object>> findings) {
        return Map.of("id", id, "unitId", place.unitId(), "startedAt", started.toString(), "findings", findings);
    }

    private static Map<String, Object> finding(String id, String est, Instant started, List<String> photoIds) {
        Map<String, Object> finding = new LinkedHashMap<>();
        finding.put("id", id);
        finding.put("establishmentId", est);
        finding.put("category", "FIRE_SAFETY");
        finding.put("description", "疏散通道堆放货物");
        finding.put("deviceTime", started.plusSeconds(600).toString());
        finding.put("photoIds", photoIds);
        return finding;
    }
}
