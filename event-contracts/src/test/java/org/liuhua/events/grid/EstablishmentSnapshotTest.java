package org.liuhua.events.grid;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link EstablishmentRegistered} and {@link EstablishmentChanged} are made from one {@link EstablishmentSnapshot}:
 * both carry exactly its fields, and an event built from the snapshot read out of an example writes that example back.
 */
class EstablishmentSnapshotTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void bothEventsCarryExactlyTheSnapshotsFields() {
        List<String> snapshot = components(EstablishmentSnapshot.class);
        assertThat(components(EstablishmentRegistered.class)).isEqualTo(snapshot);
        assertThat(components(EstablishmentChanged.class)).isEqualTo(snapshot);
    }

    @Test
    void anEventBuiltFromTheSnapshotWritesTheExampleBack() throws IOException {
        assertRoundTrip("liuhua.grid.establishment-registered.v1", EstablishmentRegistered::new);
        assertRoundTrip("liuhua.grid.establishment-changed.v1", EstablishmentChanged::new);
    }

    private static void assertRoundTrip(String type, Function<EstablishmentSnapshot, Object> event)
            throws IOException {
        try (InputStream in = EstablishmentSnapshotTest.class.getResourceAsStream("/events/" + type + ".json")) {
            JsonNode example = JSON.readTree(in);
            EstablishmentSnapshot snapshot = JSON.treeToValue(example, EstablishmentSnapshot.class);
            assertThat(JSON.readTree(JSON.writeValueAsString(event.apply(snapshot)))).as(type).isEqualTo(example);
        }
    }

    private static List<String> components(Class<?> record) {
        return Arrays.stream(record.getRecordComponents())
                .map(c -> c.getName() + ":" + c.getGenericType().getTypeName()).toList();
    }
}
