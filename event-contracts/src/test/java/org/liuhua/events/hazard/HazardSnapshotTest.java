package org.liuhua.events.hazard;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each hazard event built from a {@link HazardSnapshot} carries every snapshot field at the top level of its JSON under
 * the same name and with the same value (so the snapshot constructors cannot mix up two fields).
 */
class HazardSnapshotTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HazardSnapshot SNAPSHOT = new HazardSnapshot("h-1", "est-1", "town-1", "dept-1", "FIRE_SAFETY",
            "MAJOR", "GRID_PATROL", "REVIEW", LocalDate.parse("2026-12-20"), true, 7,
            Instant.parse("2026-11-20T01:00:00Z"), "subject-1", "TOWN_OFFICER", "MACHINERY");

    static List<Class<?>> hazardEvents() {
        return HazardEventExamplesTest.hazardEvents();
    }

    @ParameterizedTest
    @MethodSource("hazardEvents")
    void theSnapshotFillsTheSharedFieldsOfTheEvent(Class<?> type) throws Exception {
        Constructor<?> fromSnapshot = Arrays.stream(type.getConstructors())
                .filter(c -> c.getParameterCount() > 0 && c.getParameterTypes()[0] == HazardSnapshot.class)
                .findFirst().orElseThrow(() -> new AssertionError(type.getSimpleName() + " has no snapshot constructor"));
        Object[] arguments = new Object[fromSnapshot.getParameterCount()];
        arguments[0] = SNAPSHOT;
        for (int i = 1; i < arguments.length; i++) {
            arguments[i] = sample(fromSnapshot.getParameterTypes()[i]);
        }
        JsonNode event = JSON.valueToTree(fromSnapshot.newInstance(arguments));
        JsonNode snapshot = JSON.valueToTree(SNAPSHOT);
        List<String> carried = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
        for (RecordComponent field : HazardSnapshot.class.getRecordComponents()) {
            if (carried.contains(field.getName())) {
                assertThat(event.get(field.getName())).as(type.getSimpleName() + "." + field.getName())
                        .isEqualTo(snapshot.get(field.getName()));
            } else {
                assertThat(field.getName()).as(type.getSimpleName() + " leaves out only overdue").isEqualTo("overdue");
            }
        }
    }

    static Object sample(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == BigDecimal.class) {
            return BigDecimal.ONE;
        }
        if (type == List.class) {
            return List.of();
        }
        return null;
    }
}
