package org.liuhua.hazard.faults;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.cloudevents.CloudEvent;
import org.junit.jupiter.api.Test;
import org.liuhua.events.Topics;
import org.liuhua.hazard.HazardIT;
import org.liuhua.hazard.loop.Escalation;
import org.liuhua.kit.test.TestHttp;
import org.liuhua.kit.test.TopicProbe;
import org.liuhua.kit.time.CityCalendar;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fault matrix, service level: the overdue escalation (H-5, H-9) across a clock jump. Forwards past several missed
 * ticks: each due step happens once (one overdue event, one escalation per level reached), however many ticks follow;
 * backwards: nothing is undone and nothing happens again; forwards again: only the next step.
 */
class ClockJumpIT extends HazardIT {

    @Autowired
    Escalation escalation;
    @Autowired
    CityCalendar calendar;

    @Test
    void escalationHappensOncePerStepAcrossAClockJumpForwardsAndBackwards() {
        LocalDate today = calendar.today();
        TestHttp.Response created = admin().post("/api/v1/hazards", Map.of("establishmentId", unique("est-jinfeng"),
                "townId", JINFENG, "category", "FIRE_SAFETY", "source", "GRID_PATROL",
                "description", "消防通道堵塞", "deadline", today.plusDays(2).toString()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asString();

        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.HAZARD)) {
            // the scheduler missed 5 days: 3 days past the deadline → overdue and the first step, once
            clock.advance(Duration.ofDays(5));
            escalation.runOnce();
            escalation.runOnce();
            escalation.runOnce();
            JsonNode jumped = hazard(id);
            assertThat(jumped.get("overdue").asBoolean()).isTrue();
            assertThat(jumped.get("escalationLevel").asInt()).isEqualTo(1);

            // set back a day, twice ticked: still overdue, still level 1, no new step
            clock.advance(Duration.ofDays(-1));
            escalation.runOnce();
            escalation.runOnce();
            JsonNode back = hazard(id);
            assertThat(back.get("overdue").asBoolean()).as("nothing undone").isTrue();
            assertThat(back.get("escalationLevel").asInt()).isEqualTo(1);
            assertThat(back.get("history").findValuesAsString("command")).containsExactly("report", "overdue",
                    "escalate");

            // forwards again to 8 days past the deadline: exactly the town step follows
            clock.advance(Duration.ofDays(6));
            escalation.runOnce();
            escalation.runOnce();
            assertThat(hazard(id).get("history").findValuesAsString("command")).containsExactly("report", "overdue",
                    "escalate", "escalate");

            probe.await(r -> id.equals(r.key()) && r.value().getType().equals("liuhua.hazard.escalated.v1"), 2,
                    Duration.ofSeconds(20));
            // the relay publishes at least once: count distinct events
            java.util.Set<String> ids = new java.util.HashSet<>();
            List<String> published = probe.drain(r -> id.equals(r.key()), Duration.ofSeconds(1)).stream()
                    .map(r -> r.value()).filter(e -> ids.add(e.getId())).map(CloudEvent::getType).toList();
            assertThat(published.stream().filter("liuhua.hazard.overdue.v1"::equals)).hasSize(1);
            assertThat(published.stream().filter("liuhua.hazard.escalated.v1"::equals)).hasSize(2);
        }
    }

    private JsonNode hazard(String id) {
        return admin().get("/api/v1/hazards/" + id).json();
    }
}
