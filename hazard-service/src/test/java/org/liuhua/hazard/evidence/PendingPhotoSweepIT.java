package org.liuhua.hazard.evidence;

import java.time.Duration;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.liuhua.events.Topics;
import org.liuhua.events.hazard.EvidenceDiscarded;
import org.liuhua.hazard.HazardIT;
import org.liuhua.hazard.evidence.domain.PendingPhoto;
import org.liuhua.kit.lease.MongoLease;
import org.liuhua.kit.outbox.EventJson;
import org.liuhua.kit.security.Roles;
import org.liuhua.kit.store.AggregateStore;
import org.liuhua.kit.test.TestHttp;
import org.liuhua.kit.test.TestTokens;
import org.liuhua.kit.test.TopicProbe;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Pending photos never attached are discarded (ADR 0012): older than {@code liuhua.hazard.pending-photos.max-age}
 * (30 days) and on no hazard, the file and its chunks are deleted and, for a photo whose upload was announced,
 * {@code liuhua.hazard.evidence-discarded.v1} is published once; young photos and photos on a hazard stay. The clock
 * is the tests' movable clock; GridFS dates its files by the wall clock, so "old" means the clock moved on.
 */
class PendingPhotoSweepIT extends HazardIT {

    private static final String DISCARDED = "liuhua.hazard.evidence-discarded.v1";

    @Autowired
    PendingPhotoSweep sweep;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    AggregateStore<PendingPhoto> pendingPhotos;
    @Autowired
    PendingPhotoProperties properties;

    @Test
    void anOldPhotoOnNoHazardIsDiscardedOnceAndYoungOrAttachedPhotosAreKept() {
        String inspectorId = unique("insp");
        String firmId = unique("firm");
        TestHttp inspector = inspector(inspectorId);
        TestHttp firm = firm(firmId);
        String est = unique("est-jinfeng");
        admin().post("/api/v1/contracts", Map.of("firmId", firmId, "establishmentIds", List.of(est),
                "validFrom", "2026-01-01", "validTo", "2030-12-31"));
        String inspectorPhoto = pending(inspector);
        String firmPhoto = pending(firm);
        // an uploader that is neither an inspector nor a firm: no announcement, discarded all the same
        TestHttp subject = as(TestTokens.user("inspector-without-id-" + unique("x"), List.of(Roles.INSPECTOR),
                Map.of()));
        String subjectPhoto = pending(subject);
        String attachedPhoto = pending(firm);
        JsonNode batch = firm.post("/api/v1/intake/findings", Map.of("findings", List.of(Map.of("externalId",
                unique("HK"), "establishmentId", est, "townId", JINFENG, "category", "FIRE_SAFETY",
                "description", "灭火器压力不足", "photoIds", List.of(attachedPhoto))))).json();
        assertThat(batch.get("items").findValuesAsString("status")).containsExactly("CREATED");
        String hazardId = batch.get("items").get(0).get("hazardId").asString();
        Object inspectorFile = fileId(inspectorPhoto);
        assertThat(chunks(inspectorFile)).isPositive();

        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.HAZARD)) {
            // 29 days on: younger than the age, nothing of anyone is discarded
            clock.advance(Duration.ofDays(29));
            assertThat(sweep.runOnce().discarded()).isZero();
            assertThat(inspector.get("/api/v1/evidence/" + inspectorPhoto).status()).isEqualTo(200);

            // 31 days on: the three pending photos go, the attached one stays
            clock.advance(Duration.ofDays(2));
            PendingPhotoSweep.Result first = sweep.runOnce();
            assertThat(first.discarded()).isGreaterThanOrEqualTo(3);
            assertThat(first.announced()).isGreaterThanOrEqualTo(2);
            for (String photo : List.of(inspectorPhoto, firmPhoto, subjectPhoto)) {
                assertThat(mongo.exists(new Query(Criteria.where("filename").is(photo)), EvidenceFiles.FILES))
                        .as("file of " + photo).isFalse();
            }
            assertThat(chunks(inspectorFile)).as("chunks").isZero();
            assertThat(inspector.get("/api/v1/evidence/" + inspectorPhoto).status()).isEqualTo(404);
            assertThat(inspector.get("/api/v1/evidence/" + inspectorPhoto + "/content").status()).isEqualTo(404);
            assertThat(subject.get("/api/v1/evidence/" + subjectPhoto).status()).isEqualTo(404);
            JsonNode attached = admin().get("/api/v1/evidence/" + attachedPhoto).json();
            assertThat(attached.get("hazardId").asString()).as("an attached photo is kept").isEqualTo(hazardId);
            assertThat(admin().get("/api/v1/evidence/" + attachedPhoto + "/content").status()).isEqualTo(200);

            List<ConsumerRecord<String, CloudEvent>> events = probe.await(r -> DISCARDED.equals(r.value().getType())
                    && (inspectorPhoto.equals(r.key()) || firmPhoto.equals(r.key())), 2, Duration.ofSeconds(20));
            EvidenceDiscarded discarded = events.stream().filter(r -> inspectorPhoto.equals(r.key()))
                    .map(r -> EventJson.read(r.value(), EvidenceDiscarded.class)).findFirst().orElseThrow();
            assertThat(discarded.evidenceId()).isEqualTo(inspectorPhoto);
            assertThat(discarded.owner()).isEqualTo("inspector:" + inspectorId);
            assertThat(discarded.uploadedAt()).isNotNull();
            assertThat(discarded.discardedAt()).isAfter(discarded.uploadedAt().plus(Duration.ofDays(30)));

            // a firm's batch naming its discarded photo is refused as for any unknown photo
            JsonNode refused = firm.post("/api/v1/intake/findings", Map.of("findings", List.of(Map.of("externalId",
                    unique("HK"), "establishmentId", est, "townId", JINFENG, "category", "GAS",
                    "description", "燃气管道锈蚀", "photoIds", List.of(firmPhoto))))).json();
            assertThat(refused.get("items").findValuesAsString("status")).containsExactly("REJECTED");
            assertThat(refused.get("items").get(0).get("errors").findValuesAsString("field"))
                    .containsExactly("findings[0].photoIds[0]");
            assertThat(refused.get("items").get(0).get("errors").findValuesAsString("message").get(0))
                    .contains("no photo " + firmPhoto + " uploaded by you");

            // the relay has published: the next sweeps remove the pending documents and discard nothing again,
            // also after the clock is set back
            await().atMost(Duration.ofSeconds(10)).until(() -> outboxEmpty(inspectorPhoto) && outboxEmpty(firmPhoto));
            PendingPhotoSweep.Result second = sweep.runOnce();
            assertThat(second.discarded()).isZero();
            assertThat(second.announced()).isZero();
            assertThat(first.documentsRemoved() + second.documentsRemoved()).as("the first may already have removed "
                    + "those whose event was published meanwhile").isGreaterThanOrEqualTo(3);
            assertThat(pendingPhotos.findById(inspectorPhoto)).isEmpty();
            assertThat(pendingPhotos.findById(firmPhoto)).isEmpty();
            assertThat(pendingPhotos.findById(attachedPhoto)).as("its announcement is done").isEmpty();
            assertThat(admin().get("/api/v1/evidence/" + attachedPhoto).status()).isEqualTo(200);
            clock.advance(Duration.ofDays(-31));
            assertThat(sweep.runOnce().discarded()).isZero();
            clock.advance(Duration.ofDays(31));
            PendingPhotoSweep.Result later = sweep.runOnce();
            assertThat(later.discarded()).isZero();
            assertThat(later.announced()).isZero();

            Set<String> ids = new HashSet<>();
            List<String> published = probe.drain(r -> DISCARDED.equals(r.value().getType())
                            && List.of(inspectorPhoto, firmPhoto, subjectPhoto, attachedPhoto).contains(r.key()),
                    Duration.ofSeconds(2)).stream().filter(r -> ids.add(r.value().getId())).map(r -> r.key()).toList();
            // the relay publishes at least once: distinct events
            assertThat(published).as("one discard per announced photo, none for the others")
                    .containsExactlyInAnyOrder(inspectorPhoto, firmPhoto);
        }
    }

    /**
     * A crash after the claim (the first step) leaves the file marked and present: from then on the photo is gone for
     * readers and for findings, and the next sweep — whatever the photo's age — finishes the discard and announces
     * it once. A photo the intake bound to a hazard cannot be claimed.
     */
    @Test
    void aClaimedPhotoIsNeitherReadableNorAttachableAndTheNextSweepFinishesIt() {
        String firmId = unique("firm");
        TestHttp firm = firm(firmId);
        String est = unique("est-jinfeng");
        admin().post("/api/v1/contracts", Map.of("firmId", firmId, "establishmentIds", List.of(est),
                "validFrom", "2026-01-01", "validTo", "2030-12-31"));
        String claimed = pending(firm);
        String bound = pending(firm);
        Object claimedFile = fileId(claimed);
        // the claim as the sweep makes it, then a crash; and a bind of the intake, before a claim of the other photo
        assertThat(mongo.updateFirst(new Query(Criteria.where("_id").is(claimedFile).and("metadata.hazardId").is(null)
                        .and("metadata.discardedAt").is(null)), new Update().set("metadata.discardedAt", new Date()),
                EvidenceFiles.FILES).getMatchedCount()).isEqualTo(1);
        JsonNode batch = firm.post("/api/v1/intake/findings", Map.of("findings", List.of(
                Map.of("externalId", unique("HK"), "establishmentId", est, "townId", JINFENG,
                        "category", "FIRE_SAFETY", "description", "灭火器压力不足", "photoIds", List.of(claimed)),
                Map.of("externalId", unique("HK"), "establishmentId", est, "townId", JINFENG,
                        "category", "GAS", "description", "燃气管道锈蚀", "photoIds", List.of(bound))))).json();
        assertThat(batch.get("items").findValuesAsString("status")).containsExactly("REJECTED", "CREATED");
        assertThat(firm.get("/api/v1/evidence/" + claimed).status()).isEqualTo(404);

        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.HAZARD)) {
            sweep.runOnce();
            sweep.runOnce();
            assertThat(mongo.exists(new Query(Criteria.where("_id").is(claimedFile)), EvidenceFiles.FILES)).isFalse();
            assertThat(chunks(claimedFile)).isZero();
            assertThat(admin().get("/api/v1/evidence/" + bound).json().get("hazardId").asString())
                    .isEqualTo(batch.get("items").get(1).get("hazardId").asString());
            probe.await(r -> claimed.equals(r.key()) && DISCARDED.equals(r.value().getType()), 1,
                    Duration.ofSeconds(20));
            Set<String> ids = new HashSet<>();
            List<String> keys = probe.drain(r -> (claimed.equals(r.key()) || bound.equals(r.key()))
                    && DISCARDED.equals(r.value().getType()), Duration.ofSeconds(2)).stream()
                    .filter(r -> ids.add(r.value().getId())).map(r -> r.key()).toList();
            assertThat(keys).as("announced once, the bound photo not at all").containsExactly(claimed);
        }
    }

    /**
     * Two replicas: only the lease holder sweeps; and two sweeps over the same old photos at once (the lease
     * handed over while the holder still works) discard each photo once and announce it once.
     */
    @Test
    void twoReplicasDiscardAndAnnounceEachPhotoOnce() throws Exception {
        String inspectorId = unique("insp");
        List<String> photos = List.of(pending(inspector(inspectorId)), pending(inspector(inspectorId)),
                pending(inspector(inspectorId)), pending(inspector(inspectorId)));
        sweep.runOnce(); // the application's sweep holds the lease
        PendingPhotoSweep other = new PendingPhotoSweep(mongo, pendingPhotos, new MongoLease(mongo, clock,
                "second-replica"), clock, properties);
        assertThat(other.runOnce()).as("the lease is held by the first").isEqualTo(PendingPhotoSweep.NOT_HOLDER);

        clock.advance(Duration.ofDays(31));
        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.HAZARD)) {
            CyclicBarrier start = new CyclicBarrier(2);
            CompletableFuture<PendingPhotoSweep.Result> a = CompletableFuture.supplyAsync(() -> together(start, sweep));
            CompletableFuture<PendingPhotoSweep.Result> b = CompletableFuture.supplyAsync(() -> together(start, other));
            a.get();
            b.get();
            for (String photo : photos) {
                assertThat(mongo.exists(new Query(Criteria.where("filename").is(photo)), EvidenceFiles.FILES))
                        .isFalse();
            }
            probe.await(r -> photos.contains(r.key()) && DISCARDED.equals(r.value().getType()), 4,
                    Duration.ofSeconds(20));
            Set<String> ids = new HashSet<>();
            List<String> keys = probe.drain(r -> photos.contains(r.key()) && DISCARDED.equals(r.value().getType()),
                    Duration.ofSeconds(2)).stream().filter(r -> ids.add(r.value().getId())).map(r -> r.key()).toList();
            assertThat(keys).as("each photo announced once").containsExactlyInAnyOrderElementsOf(photos);
            // each pending document is marked discarded, or already removed after its event was published
            assertThat(photos).allSatisfy(photo -> assertThat(pendingPhotos.findById(photo).map(PendingPhoto::discarded)
                    .orElse(true)).isTrue());
        }
    }

    @Test
    void aMaxAgeThatIsNotPositiveIsRefusedAtStart() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new PendingPhotoProperties(null, Duration.ZERO,
                null, null, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("liuhua.hazard.pending-photos.max-age");
        assertThat(new PendingPhotoProperties(null, null, null, null, null).maxAge()).isEqualTo(Duration.ofDays(30));
    }

    private static PendingPhotoSweep.Result together(CyclicBarrier start, PendingPhotoSweep sweep) {
        try {
            start.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return sweep.sweep();
    }

    private String pending(TestHttp who) {
        TestHttp.Response stored = upload(who, "/api/v1/evidence", "finding.png", png(1024), Map.of());
        assertThat(stored.status()).as(stored.toString()).isEqualTo(201);
        return stored.json().get("evidenceId").asString();
    }

    private Object fileId(String evidenceId) {
        Document file = mongo.findOne(new Query(Criteria.where("filename").is(evidenceId)), Document.class,
                EvidenceFiles.FILES);
        assertThat(file).as("file of " + evidenceId).isNotNull();
        return file.get("_id");
    }

    private long chunks(Object fileId) {
        return mongo.count(new Query(Criteria.where("files_id").is(fileId)), EvidenceFiles.CHUNKS);
    }

    private boolean outboxEmpty(String evidenceId) {
        Document stored = mongo.findById(evidenceId, Document.class, "pending_photos");
        return stored == null || stored.getList("outbox", Object.class, List.of()).isEmpty();
    }
}
