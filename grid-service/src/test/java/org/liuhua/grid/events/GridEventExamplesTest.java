package org.liuhua.grid.events;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.liuhua.events.EventTypes;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every grid event has an example at {@code event-contracts/src/test/resources/events/<type>.json}; the example names
 * exactly the record's fields and reads into the record without loss.
 */
class GridEventExamplesTest {

    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    @ParameterizedTest
    @ValueSource(classes = {
            org.liuhua.events.grid.RegionChanged.class,
            org.liuhua.events.grid.PatrolUnitChanged.class,
            org.liuhua.events.grid.EstablishmentRegistered.class,
            org.liuhua.events.grid.EstablishmentChanged.class,
            org.liuhua.events.grid.InspectorBound.class,
            org.liuhua.events.grid.InspectorUnbound.class,
            org.liuhua.events.grid.OfficerBound.class,
            org.liuhua.events.grid.OfficerUnbound.class,
            org.liuhua.events.grid.PatrolFindingRecorded.class,
            org.liuhua.events.grid.PatrolCompleted.class,
            org.liuhua.events.grid.ClusterAssessed.class})
    void theExampleMatchesTheRecord(Class<?> type) throws Exception {
        Path example = Path.of("..", "event-contracts", "src", "test", "resources", "events",
                EventTypes.typeOf(type) + ".json");
        assertThat(example).exists();
        String json = Files.readString(example);
        Object payload = STRICT.readValue(json, type);
        JsonNode original = STRICT.readTree(json);
        JsonNode roundTrip = STRICT.readTree(STRICT.writeValueAsString(payload));
        List<String> fields = java.util.Arrays.stream(type.getRecordComponents()).map(c -> c.getName()).toList();
        assertThat(original.propertyNames()).containsExactlyInAnyOrderElementsOf(fields);
        assertThat(roundTrip).isEqualTo(original);
    }
}
