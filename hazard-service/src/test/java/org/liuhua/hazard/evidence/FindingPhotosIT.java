package org.liuhua.hazard.evidence;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.liuhua.events.Topics;
import org.liuhua.events.grid.PatrolFindingRecorded;
import org.liuhua.events.hazard.EvidenceUploaded;
import org.liuhua.hazard.HazardIT;
import org.liuhua.kit.outbox.EventJson;
import org.liuhua.kit.test.TestHttp;
import org.liuhua.kit.test.TopicProbe;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Findings carry photos (G-5, H-7, H-8; ADR 0012): the photo is uploaded first (pending, its uploader's), the finding
 * names its id, and the hazard the finding becomes or joins holds it as BEFORE evidence — for a firm's batch item and
 * for a grid patrol finding read from grid's event.
 */
class FindingPhotosIT extends HazardIT {

    @Autowired
    MongoTemplate mongo;

    /**
     * The upload of a finding's photo is announced (without bytes or personal data) so that grid-service can check a
     * patrol finding's photo ids at sync time; the event leaves through the outbox of the photo's pending document.
     */
    @Test
    void aPendingUploadPublishesEvidenceUploadedThroughTheOutbox() {
        String inspectorId = unique("insp");
        String firmId = unique("firm");
        String photo;
        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.HAZARD)) {
            photo = pending(inspector(inspectorId));
            String firmPhoto = pending(firm(firmId));
            List<ConsumerRecord<String, CloudEvent>> events = probe.await(r -> (photo.equals(r.key())
                    || firmPhoto.equals(r.key())) && r.value().getType().equals("liuhua.hazard.evidence-uploaded.v1"),
                    2, Duration.ofSeconds(20));
            EvidenceUploaded uploaded = events.stream().filter(r -> photo.equals(r.key()))
                    .map(r -> EventJson.read(r.value(), EvidenceUploaded.class)).findFirst().orElseThrow();
            assertThat(uploaded.evidenceId()).isEqualTo(photo);
            assertThat(uploaded.owner()).isEqualTo("inspector:" + inspectorId);
            assertThat(uploaded.uploadedAt()).isNotNull();
            assertThat(events.stream().filter(r -> firmPhoto.equals(r.key()))
                    .map(r -> EventJson.read(r.value(), EvidenceUploaded.class).owner()))
                    .containsExactly("firm:" + firmId);
            assertThat(new String(events.get(0).value().getData().toBytes(), StandardCharsets.UTF_8))
                    .as("no bytes, no personal data").doesNotContain("uploadedBy", "sha256", "latitude");
        }
        // the event left through the outbox of the photo's pending document, which the relay emptied
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            Document stored = mongo.findById(photo, Document.class, "pending_photos");
            return stored != null && stored.getList("outbox", Object.class, List.of()).isEmpty();
        });
    }

    private String pending(TestHttp who) {
        TestHttp.Response stored = upload(who, "/api/v1/evidence", "finding.png", png(1024), Map.of("latitude",
                "31.95", "longitude", "120.65"));
        assertThat(stored.status()).as(stored.toString()).isEqualTo(201);
        assertThat(stored.json().get("hazardId").isNull()).isTrue();
        return stored.json().get("evidenceId").asString();
    }

    @Test
    void aFirmsFindingCarriesItsOwnPendingPhotosOnlyAndTheHazardHoldsThemAsBeforeEvidence() {
        String firmId = unique("firm");
        String est = unique("est-jinfeng");
        TestHttp firm = firm(firmId);
        admin().post("/api/v1/contracts", Map.of("firmId", firmId, "establishmentIds", List.of(est),
                "validFrom", "2026-01-01", "validTo", "2030-12-31"));
        String photo = pending(firm);
        String foreign = pending(firm(unique("firm")));
        assertThat(firm.get("/api/v1/evidence/" + photo).status()).as("the uploader reads its pending photo")
                .isEqualTo(200);
        assertThat(firm(unique("firm")).get("/api/v1/evidence/" + photo).status()).isEqualTo(404);
        assertThat(admin().get("/api/v1/evidence/" + photo).status()).as("on no hazard yet").isEqualTo(404);
        assertThat(upload(firm, "/api/v1/evidence", "x.gif", "GIF89a-not-a-photo".getBytes(), Map.of()).json()
                .get("errors").findValuesAsString("field")).containsExactly("file");
        assertThat(upload(firm, "/api/v1/evidence", "big.png", png(200_001), Map.of()).status()).isEqualTo(400);
        assertThat(upload(townOfficer(JINFENG), "/api/v1/evidence", "a.png", png(64), Map.of()).status())
                .isEqualTo(403);

        JsonNode batch = firm.post("/api/v1/intake/findings", Map.of("findings", List.of(
                Map.of("externalId", unique("HK"), "establishmentId", est, "townId", JINFENG,
                        "category", "FIRE_SAFETY", "description", "灭火器压力不足", "photoIds", List.of(photo)),
                Map.of("externalId", unique("HK"), "establishmentId", est, "townId", JINFENG,
                        "category", "GAS", "description", "燃气管道锈蚀",
                        "photoIds", List.of(UUID.randomUUID().toString(), foreign)),
                Map.of("externalId", unique("HK"), "establishmentId", est, "townId", JINFENG,
                        "category", "ELECTRICAL", "description", "电线老化", "photoIds", List.of(photo))))).json();
        assertThat(batch.get("items").findValuesAsString("status")).containsExactly("CREATED", "REJECTED",
                "REJECTED");
        assertThat(batch.get("items").get(1).get("errors").findValuesAsString("field"))
                .containsExactly("findings[1].photoIds[0]", "findings[1].photoIds[1]");
        assertThat(batch.get("items").get(2).get("errors").findValuesAsString("field"))
                .as("a photo already on a hazard").containsExactly("findings[2].photoIds[0]");

        String hazardId = batch.get("items").get(0).get("hazardId").asString();
        JsonNode hazard = admin().get("/api/v1/hazards/" + hazardId).json();
        assertThat(hazard.get("evidenceIds").toString()).contains(photo);
        JsonNode evidence = admin().get("/api/v1/evidence/" + photo).json();
        assertThat(evidence.get("hazardId").asString()).isEqualTo(hazardId);
        assertThat(evidence.get("phase").asString()).isEqualTo("BEFORE");
    }

    @Test
    void aPatrolFindingsPhotosBecomeEvidenceOfTheHazardOnceEvenWhenTheEventComesTwice() {
        String inspectorId = unique("insp");
        String est = unique("est-jinfeng");
        String photo = pending(inspector(inspectorId));
        String foreign = pending(inspector(unique("insp")));
        String findingId = unique("f");
        String patrolId = unique("patrol");
        PatrolFindingRecorded finding = new PatrolFindingRecorded(findingId, patrolId, inspectorId, est, JINFENG,
                "FIRE_SAFETY", "GENERAL", "消防通道堆放杂物", null, Instant.now().minusSeconds(600), Instant.now(),
                List.of(photo, foreign));
        publish(Topics.GRID, findingId, finding);
        publish(Topics.GRID, findingId, finding);

        await().atMost(Duration.ofSeconds(20)).until(() -> {
            JsonNode page = admin().get("/api/v1/hazards?establishmentId=" + est).json();
            return page.get("totalElements").asLong() == 1 && admin().get("/api/v1/hazards/"
                    + page.get("items").get(0).get("id").asString()).json().get("evidenceIds").size() == 1;
        });
        String hazardId = admin().get("/api/v1/hazards?establishmentId=" + est).json().get("items").get(0).get("id")
                .asString();
        JsonNode hazard = admin().get("/api/v1/hazards/" + hazardId).json();
        assertThat(hazard.get("evidenceIds").toString()).contains(photo).doesNotContain(foreign);
        assertThat(hazard.get("history").findValuesAsString("command").stream().filter("evidence"::equals))
                .as("attached once").hasSize(1);
        assertThat(admin().get("/api/v1/evidence/" + photo).json().get("hazardId").asString()).isEqualTo(hazardId);
    }
}
