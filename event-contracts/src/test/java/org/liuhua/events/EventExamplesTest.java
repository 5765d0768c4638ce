package org.liuhua.events;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.DynamicTest;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every event payload is a product: it has a versioned type on its owning service's topic, and an example JSON
 * ({@code src/test/resources/events/<type>.json}) that shows every field, reads into the record, writes back to the
 * same JSON, and
 * still reads when a field unknown to this version is added (consumers ignore unknown fields).
 */
class EventExamplesTest {

    private static final Pattern TYPE = Pattern.compile("^liuhua\\.([a-z]+)\\.[a-z]+(-[a-z]+)*\\.v[1-9][0-9]*$");
    private static final JsonMapper STRICT = JsonMapper.builder().build();
    private static final JsonMapper LENIENT = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    static List<Class<?>> eventClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(EventType.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> events = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name);
                if (type.isAnnotationPresent(EventType.class)) {
                    events.add(type);
                }
            }
        }
        return events;
    }

    @Test
    void theCatalogueIsNotEmptyAndTypesAreUnique() throws Exception {
        List<Class<?>> events = eventClasses();
        assertThat(events).isNotEmpty();
        assertThat(events.stream().map(EventTypes::typeOf)).doesNotHaveDuplicates();
    }

    @TestFactory
    Stream<DynamicTest> eachEventHasAValidExampleThatRoundTrips() throws Exception {
        return eventClasses().stream().map(type -> DynamicTest.dynamicTest(EventTypes.typeOf(type), () -> {
            EventType eventType = EventTypes.of(type);
            var matcher = TYPE.matcher(eventType.value());
            assertThat(matcher.matches()).as("type name " + eventType.value()).isTrue();
            assertThat(eventType.topic()).as("topic of the owning service").isEqualTo("liuhua." + matcher.group(1));
            assertThat(type.isRecord()).as(type.getSimpleName() + " is a record").isTrue();

            String resource = "/events/" + eventType.value() + ".json";
            try (InputStream in = EventExamplesTest.class.getResourceAsStream(resource)) {
                assertThat(in).as("example " + resource).isNotNull();
                JsonNode example = STRICT.readTree(in);
                assertThat(example.propertyNames()).as("every field of " + type.getSimpleName() + " is shown")
                        .containsExactlyInAnyOrderElementsOf(java.util.Arrays.stream(type.getRecordComponents())
                                .map(java.lang.reflect.RecordComponent::getName).toList());
                Object payload = STRICT.treeToValue(example, type);
                JsonNode written = STRICT.readTree(STRICT.writeValueAsString(payload));
                assertThat(written).as("round trip of " + resource).isEqualTo(example);

                ObjectNode evolved = ((ObjectNode) example.deepCopy()).put("aFieldFromAFutureVersion", "x");
                assertThat(LENIENT.treeToValue(evolved, type)).isEqualTo(payload);
            }
        }));
    }
}
