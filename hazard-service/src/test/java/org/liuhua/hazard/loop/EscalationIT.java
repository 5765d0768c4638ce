package org.liuhua.hazard.loop;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.cloudevents.CloudEvent;
import org.junit.jupiter.api.Test;
import org.liuhua.events.Topics;
import org.liuhua.events.hazard.HazardEscalated;
import org.liuhua.hazard.HazardIT;
import org.liuhua.kit.lease.MongoLease;
import org.liuhua.kit.outbox.EventJson;
import org.liuhua.kit.time.CityCalendar;
import org.liuhua.kit.test.TopicProbe;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Overdue escalation with a controlled clock (H-5) and unacknowledged transfers (H-9). */
class EscalationIT extends HazardIT {

    @Autowired
    Escalation escalation;
    @Autowired
    MongoLease lease;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    CityCalendar calendar;

    JsonNode hazard(String id) {
        return admin().get("/api/v1/hazards/" + id).json();
    }

    @Test
    void aHazardPastItsDeadlineBecomesOverdueAndEscalatesToTownAfter7AndCityAfter14DaysEachStepOnce() {
        LocalDate today = calendar.today();
        var created = admin().post("/api/v1/hazards", Map.of("establishmentId", unique("est-jinfeng"), "townId",
                JINFENG, "category", "FIRE_SAFETY", "source", "GRID_PATROL", "description", "d",
                "deadline", today.toString()));
        String id = created.json().get("id").asString();
        escalation.runOnce();
        assertThat(hazard(id).get("overdue").asBoolean()).as("not before the deadline day is over").isFalse();

        clock.advance(Duration.ofDays(1));
        escalation.runOnce();
        escalation.runOnce();
        JsonNode atDeadline = hazard(id);
        assertThat(atDeadline.get("overdue").asBoolean()).isTrue();
        assertThat(atDeadline.get("escalationLevel").asInt()).isEqualTo(1);
        assertThat(admin().get("/api/v1/hazards?overdue=true&size=200").json().get("items").findValuesAsString("id"))
                .contains(id);

        clock.advance(Duration.ofDays(6));
        escalation.runOnce();
        assertThat(hazard(id).get("escalationLevel").asInt()).as("6 days past: still the responsible party")
                .isEqualTo(1);
        clock.advance(Duration.ofDays(1));
        escalation.runOnce();
        assertThat(hazard(id).get("escalationLevel").asInt()).isEqualTo(2);
        clock.advance(Duration.ofDays(7));
        escalation.runOnce();
        escalation.runOnce();
        assertThat(hazard(id).get("escalationLevel").asInt()).isEqualTo(3);

        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.HAZARD)) {
            probe.await(r -> id.equals(r.key()) && r.value().getType().endsWith("escalated.v1"), 3,
                    Duration.ofSeconds(20));
            List<CloudEvent> events = HazardLoopIT.distinct(probe.drain(r -> id.equals(r.key()),
                    Duration.ofSeconds(1)));
            assertThat(events.stream().filter(e -> e.getType().equals("liuhua.hazard.overdue.v1"))).hasSize(1);
            List<HazardEscalated> steps = events.stream()
                    .filter(e -> e.getType().equals("liuhua.hazard.escalated.v1"))
                    .map(e -> EventJson.read(e, HazardEscalated.class)).toList();
            assertThat(steps).extracting(HazardEscalated::target).containsExactly("RESPONSIBLE_PARTY", "TOWN", "CITY");
            assertThat(steps).extracting(HazardEscalated::reason).containsOnly("RECTIFICATION_OVERDUE");
            assertThat(steps).allMatch(HazardEscalated::overdue);
        }

        {
            var town = townOfficer(JINFENG);
            town.post("/api/v1/hazards/" + id + "/transfer", Map.of("toEstablishment", true));
            town.post("/api/v1/hazards/" + id + "/rectify", fiveParts());
            assertThat(hazard(id).get("overdue").asBoolean()).as("a submitted rectification is not overdue")
                    .isFalse();
        }
    }

    @Test
    void anUnacknowledgedTransferIsEscalated() {
        String id = report(unique("est-jinfeng"), JINFENG, "GAS", null, "LAW_ENFORCEMENT");
        townOfficer(JINFENG).post("/api/v1/hazards/" + id + "/transfer", Map.of("departmentId", "dept-commerce"));
        clock.advance(Duration.ofDays(2));
        escalation.runOnce();
        assertThat(hazard(id).get("history").findValuesAsString("command")).doesNotContain("escalate");
        clock.advance(Duration.ofDays(2));
        escalation.runOnce();
        JsonNode h = hazard(id);
        assertThat(h.get("history").findValuesAsString("command")).containsExactly("report", "transfer", "escalate");
        assertThat(h.get("history").get(2).get("details").asString()).contains("TRANSFER_UNACKNOWLEDGED")
                .contains("RESPONSIBLE_PARTY");
        clock.advance(Duration.ofDays(7));
        escalation.runOnce();
        assertThat(hazard(id).get("history").get(3).get("details").asString()).contains("TOWN");
    }

    @Test
    void onlyTheReplicaHoldingTheLeaseEscalates() {
        String id = report(unique("est-jinfeng"), JINFENG, "GAS", null, "LAW_ENFORCEMENT");
        mongo.getCollection("hazards").updateOne(new org.bson.Document("_id", id), new org.bson.Document("$set",
                new org.bson.Document("deadline", java.util.Date.from(java.time.Instant.parse("2020-01-01T00:00:00Z")))));
        lease.release(Escalation.LEASE);
        MongoLease otherReplica = new MongoLease(mongo, clock, "other-replica");
        assertThat(otherReplica.tryAcquire(Escalation.LEASE, Duration.ofMinutes(1))).isTrue();
        try {
            assertThat(escalation.runOnce()).isEqualTo(-1);
            assertThat(hazard(id).get("overdue").asBoolean()).isFalse();
        } finally {
            otherReplica.release(Escalation.LEASE);
        }
        assertThat(escalation.runOnce()).isPositive();
        assertThat(hazard(id).get("overdue").asBoolean()).isTrue();
    }
}
