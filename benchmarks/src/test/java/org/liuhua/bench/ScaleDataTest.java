package org.liuhua.bench;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class ScaleDataTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    /** Shaped like a hazard document hazard-service's AggregateStore writes right after a report. */
    private static Document template() {
        return new Document("_id", "9b1f0000-0000-0000-0000-000000000001").append("revision", 1L)
                .append("establishmentId", "est-1").append("townId", "zjg-jinfeng").append("departmentId", "dept-1")
                .append("industry", "MACHINERY").append("category", "FIRE_SAFETY").append("severity", "GENERAL")
                .append("source", "LAW_ENFORCEMENT").append("sourceRef", "ref-1")
                .append("sourceKey", "LAW_ENFORCEMENT:city-admin:ref-1").append("description", "消防通道堵塞")
                .append("state", "REPORTED").append("reportedBy", "city-admin").append("reportedAt", new Date())
                .append("foundAt", new Date()).append("deadline", "2026-12-30").append("overdue", false)
                .append("escalationLevel", 0).append("corroborations", List.of()).append("evidenceIds", List.of())
                .append("history", List.of(new Document("seq", 1).append("command", "report")
                        .append("hash", "abc").append("previousHash", "GENESIS")))
                .append("version", 0L).append("versionKey", "9b1f0000-0000-0000-0000-000000000001#0")
                .append("outbox", List.of(new Document("eventId", "e-1")));
    }

    @Test
    void aCopyKeepsEveryFieldAndTypeOfTheTemplateAndChangesOnlyThoseThatDifferBetweenHazards() {
        Document template = template();
        ScaleData.Spec spec = new ScaleData.Spec("id-7", 7, "est-scale-x-3", "zjg-leyu", "dept-3", "TEXTILE",
                "GRID_PATROL", "MAJOR", 2, NOW.minusSeconds(86_400 * 40));

        Document copy = ScaleData.copyOf(template, spec);

        assertThat(copy.keySet()).containsExactlyInAnyOrderElementsOf(template.keySet());
        for (String field : template.keySet()) {
            assertThat(bsonType(copy.get(field))).as(field).isEqualTo(bsonType(template.get(field)));
            if (!ScaleData.FIELDS.contains(field) && !field.equals("outbox")) {
                assertThat(copy.get(field)).as(field).isEqualTo(template.get(field));
            }
        }
        assertThat(copy.get("_id")).isEqualTo("id-7");
        assertThat(copy.get("versionKey")).isEqualTo("id-7#0");
        assertThat(copy.get("version")).isEqualTo(0L);
        assertThat(copy.get("state")).isEqualTo("TRANSFERRED");
        assertThat(copy.get("revision")).isEqualTo(2L);
        assertThat(copy.getList("outbox", Object.class)).isEmpty();
        assertThat(copy.get("sourceKey")).isNotEqualTo(template.get("sourceKey"));
        assertThat(copy.get("reportedAt")).isEqualTo(Date.from(spec.reportedAt()));
        assertThat(template.getList("outbox", Object.class)).as("the template is left as it was").hasSize(1);
    }

    /** What the value is stored as: an array, an embedded document, or its own class (string, date, int64, …). */
    private static Object bsonType(Object value) {
        return value instanceof List<?> ? "array" : value instanceof Map<?, ?> ? "document" : value.getClass();
    }

    @Test
    void aClosedCopyHasItsClosingTimeAndItsEventsFollowTheLoop() {
        ScaleData.Spec spec = new ScaleData.Spec("id-8", 8, "est-scale-x-4", "zjg-leyu", "dept-4", "TRADE",
                "THIRD_PARTY", "GENERAL", 4, NOW.minusSeconds(86_400 * 10));
        assertThat(ScaleData.copyOf(template(), spec).get("closedAt")).isInstanceOf(Date.class);

        ObjectNode event = Http.JSON.createObjectNode().put("hazardId", "t").put("state", "REPORTED")
                .put("revision", 1).put("category", "FIRE_SAFETY");
        ObjectNode closed = ScaleData.eventOf(event, spec, 3);
        assertThat(closed.path("hazardId").asString()).isEqualTo("id-8");
        assertThat(closed.path("state").asString()).isEqualTo("CLOSED");
        assertThat(closed.path("revision").asInt()).isEqualTo(4);
        assertThat(closed.path("category").asString()).as("the template's other fields").isEqualTo("FIRE_SAFETY");
        assertThat(event.path("hazardId").asString()).as("the template is left as it was").isEqualTo("t");
    }

    @Test
    void theGeneratedHazardsAreSpreadOverEveryTownStateSourceAndMonthAndSkewedLikeACity() {
        Random random = new Random(2026);
        Map<String, Integer> towns = new HashMap<>();
        Set<String> states = new HashSet<>();
        Set<String> sources = new HashSet<>();
        Set<YearMonth> months = new HashSet<>();
        Set<String> establishments = new HashSet<>();
        Map<String, String> townOf = new HashMap<>();
        for (int n = 0; n < 20_000; n++) {
            ScaleData.Spec spec = ScaleData.spec(random, "r", n, 2_000, NOW);
            towns.merge(spec.townId(), 1, Integer::sum);
            states.add(spec.state());
            sources.add(spec.source());
            months.add(YearMonth.from(spec.reportedAt().atZone(ZoneOffset.UTC)));
            establishments.add(spec.establishmentId());
            assertThat(townOf.putIfAbsent(spec.establishmentId(), spec.townId()))
                    .as("an establishment stays in its town").isIn(null, spec.townId());
            assertThat(spec.reportedAt()).isBefore(NOW);
        }
        assertThat(towns).hasSize(ScaleData.TOWNS.length);
        assertThat(states).containsExactlyInAnyOrder(ScaleData.STATES);
        assertThat(sources).containsExactlyInAnyOrder(ScaleData.SOURCES);
        assertThat(months.size()).isGreaterThanOrEqualTo(10);
        assertThat(establishments.size()).isBetween(1_000, 2_000);
        int largest = towns.values().stream().max(Integer::compare).orElseThrow();
        int smallest = towns.values().stream().min(Integer::compare).orElseThrow();
        assertThat(largest).as("towns differ in size").isGreaterThan(3 * smallest);
    }
}
