package org.liuhua.hazard.faults;

import java.lang.reflect.Constructor;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.liuhua.hazard.HazardIT;
import org.liuhua.hazard.HazardProperties;
import org.liuhua.hazard.loop.Escalation;
import org.liuhua.hazard.loop.HazardStore;
import org.liuhua.kit.lease.MongoLease;
import org.liuhua.kit.test.TestHttp;
import org.liuhua.kit.time.CityCalendar;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fault matrix, service level: two replicas of hazard-service running the overdue escalation at once. The lease
 * ({@code hazard-escalation}) and the hazards live in the shared store, so two {@link Escalation}s with distinct
 * lease owners on one store are two processes as far as the escalation can tell: each pass of each replica goes
 * through the same conditional update of the {@code leases} document and the same version-guarded hazard updates.
 * Both replicas tick repeatedly from two threads; each hazard is escalated exactly once per step, only the lease
 * holder works, and when the holder stops the other takes over once the lease's time to live has passed — not before.
 */
class EscalationReplicasIT extends HazardIT {

    private static final String LEASE = "hazard-escalation";
    private static final int TICKS = 6;

    @Autowired
    Escalation first;
    @Autowired
    MongoLease firstLease;
    @Autowired
    HazardStore store;
    @Autowired
    CityCalendar calendar;
    @Autowired
    HazardProperties properties;
    @Autowired
    MongoTemplate mongo;

    @Test
    void twoReplicasEscalateEachHazardOncePerStepAndTheSecondTakesOverWhenTheHolderStops() throws Exception {
        MongoLease secondLease = new MongoLease(mongo, clock, "second-replica");
        Escalation second = replica(secondLease);
        firstLease.release(LEASE);
        try {
            LocalDate today = calendar.today();
            List<String> hazards = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                TestHttp.Response created = admin().post("/api/v1/hazards", Map.of("establishmentId",
                        unique("est-jinfeng-replicas"), "townId", JINFENG, "category", "FIRE_SAFETY", "source",
                        "GRID_PATROL", "description", "二层仓库消防通道堆放货物", "deadline", today.toString()));
                assertThat(created.status()).as(created.toString()).isEqualTo(201);
                hazards.add(created.json().get("id").asString());
            }

            // a day past the deadline: both replicas tick at once, again and again
            clock.advance(Duration.ofDays(1));
            int[][] results = org.liuhua.kit.test.Replicas.concurrently(TICKS, first::runOnce, second::runOnce);
            int firstWorked = worked(results[0]);
            int secondWorked = worked(results[1]);
            assertThat(firstWorked == 0 || secondWorked == 0).as("one replica at a time works: %s / %s",
                    java.util.Arrays.toString(results[0]), java.util.Arrays.toString(results[1])).isTrue();
            assertThat(firstWorked + secondWorked).as("the holder works on every tick").isEqualTo(TICKS);
            boolean firstHolds = firstWorked > 0;
            Escalation holder = firstHolds ? first : second;
            Escalation other = firstHolds ? second : first;
            String otherOwner = firstHolds ? secondLease.owner() : firstLease.owner();
            assertThat(lease().getString("owner")).isEqualTo(firstHolds ? firstLease.owner() : secondLease.owner());
            for (String id : hazards) {
                JsonNode hazard = hazard(id);
                assertThat(hazard.get("escalationLevel").asInt()).isEqualTo(1);
                assertThat(hazard.get("history").findValuesAsString("command")).as("hazard %s", id)
                        .containsExactly("report", "overdue", "escalate");
            }

            // the holder stops (no more ticks, no release: a killed process); within the lease's time the other waits
            clock.advance(properties.escalationLeaseTtl().minusSeconds(30));
            assertThat(other.runOnce()).as("the lease is still held").isEqualTo(-1);
            // 8 days past the deadline, long after the lease ran out: the other takes over, the town step once
            clock.advance(Duration.ofDays(7));
            assertThat(other.runOnce()).isGreaterThanOrEqualTo(hazards.size());
            assertThat(other.runOnce()).isZero();
            assertThat(lease().getString("owner")).isEqualTo(otherOwner);
            assertThat(holder.runOnce()).as("the former holder, back, finds the lease taken").isEqualTo(-1);
            for (String id : hazards) {
                JsonNode hazard = hazard(id);
                assertThat(hazard.get("escalationLevel").asInt()).isEqualTo(2);
                assertThat(hazard.get("history").findValuesAsString("command")).as("hazard %s", id)
                        .containsExactly("report", "overdue", "escalate", "escalate");
            }
        } finally {
            // the leases were taken at a moved clock: leave none behind for the next test
            secondLease.release(LEASE);
            firstLease.release(LEASE);
        }
    }

    /** How many ticks found the lease (returned a count, not -1). */
    private static int worked(int[] results) {
        return (int) java.util.Arrays.stream(results).filter(r -> r >= 0).count();
    }

    private Document lease() {
        return mongo.findById(LEASE, Document.class, "leases");
    }

    /** A second replica's escalation: the same store, calendar and settings, a lease owner of its own. */
    private Escalation replica(MongoLease lease) throws ReflectiveOperationException {
        Constructor<Escalation> constructor = Escalation.class.getDeclaredConstructor(HazardStore.class,
                MongoLease.class, CityCalendar.class, HazardProperties.class);
        constructor.setAccessible(true);
        return constructor.newInstance(store, lease, calendar, properties);
    }

    private JsonNode hazard(String id) {
        return admin().get("/api/v1/hazards/" + id).json();
    }
}
