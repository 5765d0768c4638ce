package org.liuhua.reporting.hazards.messaging;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import org.junit.jupiter.api.Test;
import org.liuhua.events.EventType;
import org.liuhua.events.Topics;
import org.liuhua.kit.outbox.EventJson;
import org.liuhua.reporting.hazards.HazardFacts;
import org.liuhua.reporting.hazards.HazardFacts.Kind;
import org.liuhua.reporting.hazards.domain.HazardChange;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

class HazardEventsListenerTest {

    final HazardFacts facts = mock(HazardFacts.class);
    final HazardEventsListener listener = new HazardEventsListener(facts);

    /** Every hazard life-cycle event type published on the hazard topic, as event-contracts declares them. */
    static Set<String> hazardEventTypes() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(EventType.class));
        Set<String> types = new TreeSet<>();
        scanner.findCandidateComponents("org.liuhua.events").forEach(candidate -> {
            try {
                Class<?> record = Class.forName(candidate.getBeanClassName());
                EventType type = record.getAnnotation(EventType.class);
                // a hazard's life-cycle events carry its id; other events of the topic (warning interviews) are
                // read by their own projectors
                boolean lifeCycle = java.util.Arrays.stream(record.getRecordComponents())
                        .anyMatch(c -> c.getName().equals("hazardId"));
                if (type.topic().equals(Topics.HAZARD) && lifeCycle) {
                    types.add(type.value());
                }
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        });
        return types;
    }

    static CloudEvent event(String type, Map<String, Object> payload) {
        return CloudEventBuilder.v1().withId("evt-1").withType(type).withSource(URI.create("/liuhua/hazard-service"))
                .withDataContentType("application/json")
                .withData(EventJson.write(payload).getBytes(StandardCharsets.UTF_8)).build();
    }

    @Test
    void everyHazardEventTypeOfTheContractsIsRouted() {
        Set<String> published = hazardEventTypes();

        assertThat(published).hasSizeGreaterThanOrEqualTo(13);
        assertThat(new TreeSet<>(listener.router.types())).as("a hazard event type the facts would miss")
                .containsAll(published);
    }

    @Test
    void anEventIsReadAsTheOneViewAndAppliedAsItsKind() {
        listener.on(event("liuhua.hazard.enforced.v1", Map.of("hazardId", "hz-1", "state", "ENFORCEMENT",
                "revision", 5, "kind", "PENALTY", "penaltyAmountCny", 20000, "actor", "someone",
                "occurredAt", "2026-11-30T16:00:00Z")));

        verify(facts).apply(eq(Kind.ENFORCED), eq("liuhua.hazard.enforced.v1"), eq(new HazardChange("hz-1", null,
                null, null, null, null, null, "ENFORCEMENT", null, null, 5, Instant.parse("2026-11-30T16:00:00Z"),
                null, null, "PENALTY", null, new BigDecimal("20000"), null)));
    }

    @Test
    void theKindsThatAddFieldsAreAppliedAsSuch() {
        listener.on(event("liuhua.hazard.reported.v1", Map.of("hazardId", "hz-2", "state", "REPORTED")));
        listener.on(event("liuhua.hazard.closed.v1", Map.of("hazardId", "hz-2", "state", "CLOSED")));
        listener.on(event("liuhua.hazard.escalated.v1", Map.of("hazardId", "hz-2", "state", "OVERDUE", "level", 2)));
        listener.on(event("liuhua.hazard.transferred.v1", Map.of("hazardId", "hz-2", "state", "TRANSFERRED")));

        verify(facts).apply(eq(Kind.REPORTED), eq("liuhua.hazard.reported.v1"), any());
        verify(facts).apply(eq(Kind.CLOSED), eq("liuhua.hazard.closed.v1"), any());
        verify(facts).apply(eq(Kind.ESCALATED), eq("liuhua.hazard.escalated.v1"), any());
        verify(facts).apply(eq(Kind.OTHER), eq("liuhua.hazard.transferred.v1"), any());
    }

    @Test
    void anUnknownTypeIsIgnored() {
        listener.on(event("liuhua.hazard.something-new.v1", Map.of("hazardId", "hz-3", "state", "REPORTED")));
        listener.on(event("liuhua.grid.establishment-registered.v1", Map.of("establishmentId", "e")));

        verifyNoInteractions(facts);
    }
}
