package org.liuhua.kit.outbox;

import java.nio.charset.StandardCharsets;

import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapping of event payloads, independent of any web configuration so that what goes on the wire does
 * not change when a service tunes its HTTP JSON. Unknown fields are ignored (additive evolution).
 */
public final class EventJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private EventJson() {
    }

    public static String write(Object payload) {
        return MAPPER.writeValueAsString(payload);
    }

    public static <T> T read(String json, Class<T> type) {
        return MAPPER.readValue(json, type);
    }

    public static <T> T read(byte[] json, Class<T> type) {
        return MAPPER.readValue(json, type);
    }

    /** Reads the data of a CloudEvent into its payload record. */
    public static <T> T read(CloudEvent event, Class<T> type) {
        CloudEventData data = event.getData();
        if (data == null) {
            throw new IllegalArgumentException("event " + event.getId() + " of type " + event.getType() + " has no data");
        }
        return read(data.toBytes(), type);
    }

    public static String toString(CloudEvent event) {
        CloudEventData data = event.getData();
        return data == null ? "" : new String(data.toBytes(), StandardCharsets.UTF_8);
    }
}
