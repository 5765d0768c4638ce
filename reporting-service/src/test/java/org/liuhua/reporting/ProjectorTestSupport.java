package org.liuhua.reporting;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import com.mongodb.client.MongoClients;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import org.liuhua.events.EventTypes;
import org.liuhua.kit.outbox.EventJson;
import org.liuhua.kit.test.MongoStandIn;
import org.liuhua.kit.time.CityCalendar;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Projectors applied directly: CloudEvents built from the event-contracts records, the Mongo stand-in, a fixed city clock. */
public final class ProjectorTestSupport {

    public static final CityCalendar CALENDAR = new CityCalendar(CityCalendar.DEFAULT_ZONE,
            Clock.fixed(Instant.parse("2026-11-20T04:00:00Z"), ZoneOffset.UTC));

    private ProjectorTestSupport() {
    }

    /** A fresh database on the stand-in. */
    public static MongoTemplate mongo() {
        String database = "projector-" + UUID.randomUUID();
        return new MongoTemplate(MongoClients.create(MongoStandIn.uri(database)), database);
    }

    /** The CloudEvent the outbox relay would publish for a payload record (type from its {@code @EventType}). */
    public static CloudEvent event(Object payload) {
        return event(UUID.randomUUID().toString(), payload);
    }

    public static CloudEvent event(String id, Object payload) {
        return CloudEventBuilder.v1().withId(id).withType(EventTypes.typeOf(payload.getClass()))
                .withSource(URI.create("/liuhua/test")).withDataContentType("application/json")
                .withData(EventJson.write(payload).getBytes(StandardCharsets.UTF_8)).build();
    }
}
