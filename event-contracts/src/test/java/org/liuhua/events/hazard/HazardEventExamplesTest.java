package org.liuhua.events.hazard;

import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.liuhua.events.EventType;
import org.liuhua.events.EventTypes;
import org.liuhua.events.Topics;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every hazard event has an example at {@code events/<type>.json} that reads into its record with no unknown field,
 * and carries what a consumer needs to keep a read model from any single event.
 */
class HazardEventExamplesTest {

    static final JsonMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    static final List<String> EVERY_EVENT_CARRIES = List.of("hazardId", "establishmentId", "townId", "severity",
            "source", "state", "revision", "occurredAt", "actor");

    static List<Class<?>> hazardEvents() {
        return List.of(HazardReported.class, HazardTransferred.class, HazardAcknowledged.class,
                HazardRectified.class, HazardReviewed.class, HazardEnforced.class, HazardClosed.class,
                HazardOverdue.class, HazardEscalated.class, HazardEvidenceAdded.class, HazardCorroborated.class,
                HazardSupervisionOrdered.class, HazardSignedOff.class, HazardFindingWithdrawn.class);
    }

    @ParameterizedTest
    @MethodSource("hazardEvents")
    void theExampleReadsIntoTheRecordAndCarriesTheSnapshot(Class<?> type) throws Exception {
        EventType eventType = EventTypes.of(type);
        assertThat(eventType.topic()).isEqualTo(Topics.HAZARD);
        assertThat(eventType.value()).matches("liuhua\\.hazard\\.[a-z-]+\\.v1");
        List<String> components = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
        assertThat(components).containsAll(EVERY_EVENT_CARRIES);
        try (InputStream in = getClass().getResourceAsStream("/events/" + eventType.value() + ".json")) {
            assertThat(in).as("example for " + eventType.value()).isNotNull();
            byte[] json = in.readAllBytes();
            Object event = STRICT.readValue(json, type);
            assertThat(event).isNotNull();
            JsonNode tree = STRICT.readTree(json);
            for (String field : EVERY_EVENT_CARRIES) {
                assertThat(tree.hasNonNull(field)).as(eventType.value() + " carries " + field).isTrue();
            }
            assertThat(tree.propertyNames()).containsExactlyInAnyOrderElementsOf(components);
        }
    }
}
