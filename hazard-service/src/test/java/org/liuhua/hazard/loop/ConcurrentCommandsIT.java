package org.liuhua.hazard.loop;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.liuhua.events.Topics;
import org.liuhua.events.hazard.HazardSupervisionOrdered;
import org.liuhua.events.hazard.HazardTransferred;
import org.liuhua.hazard.HazardIT;
import org.liuhua.hazard.loop.domain.Actor;
import org.liuhua.hazard.loop.domain.Hazard;
import org.liuhua.kit.outbox.EventJson;
import org.liuhua.kit.store.StaleAggregateException;
import org.liuhua.kit.test.TestHttp;
import org.liuhua.kit.test.TopicProbe;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Commands racing on one hazard: a write is guarded by the version the hazard was loaded with and appends only its own
 * events, so one command wins, the other is applied again to the fresh hazard (and then succeeds or meets the rule the
 * winner made true: 409) or is refused as stale. The topic carries exactly the winners' events: none lost, none twice,
 * none of a refused command.
 */
class ConcurrentCommandsIT extends HazardIT {

    static final Actor TOWN = new Actor("town-subject", "town-officer", "TOWN_OFFICER", null, null);

    @Autowired
    HazardStore store;
    @Autowired
    MongoTemplate mongo;

    @Test
    void aStaleCopyIsRefusedAfterTheRelayPublishedAndNothingIsPublishedTwice() {
        String id = report(unique("est-jinfeng"), JINFENG, "FIRE_SAFETY", null, "GRID_PATROL");
        awaitRelayed(id);
        Hazard first = store.get(id, HazardStore.WHAT);
        Hazard stale = store.get(id, HazardStore.WHAT);
        Instant now = Instant.now();
        first.transfer(true, null, "the first transfer", TOWN, now, Duration.ofDays(3));
        stale.transfer(false, "dept-housing", "the stale transfer", TOWN, now, Duration.ofDays(3));

        store.update(first);
        awaitRelayed(id);
        assertThatThrownBy(() -> store.update(stale)).isInstanceOf(StaleAggregateException.class);

        Hazard stored = store.get(id, HazardStore.WHAT);
        assertThat(stored.revision()).isEqualTo(2);
        assertThat(stored.history()).extracting(h -> h.note()).containsExactly(null, "the first transfer");
        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.HAZARD)) {
            probe.await(r -> id.equals(r.key()), 2, Duration.ofSeconds(20));
            List<ConsumerRecord<String, CloudEvent>> records = probe.drain(r -> id.equals(r.key()),
                    Duration.ofSeconds(2));
            assertThat(records).extracting(r -> r.value().getType())
                    .containsExactly("liuhua.hazard.reported.v1", "liuhua.hazard.transferred.v1");
            assertThat(EventJson.read(records.get(1).value(), HazardTransferred.class).note())
                    .isEqualTo("the first transfer");
        }
    }

    @Test
    void ofConcurrentCommandsEachSuccessIsExactlyOneEventAndEachRefusalNone() throws Exception {
        TestHttp town = townOfficer(JINFENG);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 3; round++) {
                String id = report(unique("est-jinfeng"), JINFENG, "DUST_EXPLOSION", "MAJOR", "LAW_ENFORCEMENT");
                CountDownLatch start = new CountDownLatch(1);
                List<Future<TestHttp.Response>> transfers = new ArrayList<>();
                List<Future<TestHttp.Response>> orders = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    Map<String, Object> transfer = Map.of("toEstablishment", true, "note", "transfer-" + i);
                    Map<String, Object> order = Map.of("orderNumber", "督-" + i);
                    transfers.add(pool.submit(() -> {
                        start.await();
                        return town.post("/api/v1/hazards/" + id + "/transfer", transfer);
                    }));
                    orders.add(pool.submit(() -> {
                        start.await();
                        return town.post("/api/v1/hazards/" + id + "/supervision-order", order);
                    }));
                }
                start.countDown();
                List<TestHttp.Response> transferred = winners(transfers);
                List<TestHttp.Response> ordered = winners(orders);
                assertThat(transferred).as("one transfer wins").hasSize(1);
                assertThat(ordered).as("one supervision order wins").hasSize(1);
                String winningNote = transferred.get(0).json().get("history").findValuesAsString("note").stream()
                        .filter(n -> n.startsWith("transfer-")).findFirst().orElseThrow();
                String winningOrder = ordered.get(0).json().get("supervisionOrderNumber").asString();

                JsonNode stored = admin().get("/api/v1/hazards/" + id).json();
                assertThat(stored.get("revision").asLong()).isEqualTo(3);
                assertThat(stored.get("history").findValuesAsString("command"))
                        .containsExactlyInAnyOrder("report", "transfer", "supervision-order");
                assertThat(stored.get("supervisionOrderNumber").asString()).isEqualTo(winningOrder);

                try (TopicProbe probe = new TopicProbe(bootstrap, Topics.HAZARD)) {
                    probe.await(r -> id.equals(r.key()), 3, Duration.ofSeconds(20));
                    List<ConsumerRecord<String, CloudEvent>> records = probe.drain(r -> id.equals(r.key()),
                            Duration.ofSeconds(1));
                    assertThat(records).as("none lost, none twice, none of a refused command").hasSize(3);
                    assertThat(records).extracting(r -> r.value().getId()).doesNotHaveDuplicates();
                    assertThat(records).extracting(r -> r.value().getType()).containsExactlyInAnyOrder(
                            "liuhua.hazard.reported.v1", "liuhua.hazard.transferred.v1",
                            "liuhua.hazard.supervision-ordered.v1");
                    List<Long> revisions = new ArrayList<>();
                    for (ConsumerRecord<String, CloudEvent> r : records) {
                        JsonNode payload = TestHttp.JSON.readTree(EventJson.toString(r.value()));
                        revisions.add(payload.get("revision").asLong());
                        if (r.value().getType().endsWith("transferred.v1")) {
                            assertThat(EventJson.read(r.value(), HazardTransferred.class).note())
                                    .isEqualTo(winningNote);
                        }
                        if (r.value().getType().endsWith("supervision-ordered.v1")) {
                            assertThat(EventJson.read(r.value(), HazardSupervisionOrdered.class).orderNumber())
                                    .isEqualTo(winningOrder);
                        }
                    }
                    assertThat(revisions).as("in order per hazard").containsExactly(1L, 2L, 3L);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** The 200 answers; every other answer must be a 409 (refused by the rule the winner made true, or stale). */
    static List<TestHttp.Response> winners(List<Future<TestHttp.Response>> calls) throws Exception {
        List<TestHttp.Response> won = new ArrayList<>();
        for (Future<TestHttp.Response> call : calls) {
            TestHttp.Response response = call.get();
            assertThat(response.status()).as(response.toString()).isIn(200, 409);
            if (response.status() == 200) {
                won.add(response);
            } else {
                assertThat(response.contentType()).startsWith("application/problem+json");
            }
        }
        return won;
    }

    /** Waits until the relay published every pending event of the hazard (its outbox is empty). */
    void awaitRelayed(String id) {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            Document d = mongo.findById(id, Document.class, HazardStore.COLLECTION);
            return d != null && d.getList("outbox", Document.class, List.of()).isEmpty();
        });
    }
}
