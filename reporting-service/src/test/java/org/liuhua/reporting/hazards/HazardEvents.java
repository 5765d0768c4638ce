package org.liuhua.reporting.hazards;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.liuhua.events.Topics;
import org.liuhua.kit.outbox.EventJson;
import org.liuhua.kit.test.TestHttp;
import org.liuhua.kit.test.TestTokens;
import org.springframework.kafka.core.KafkaTemplate;

/** Hazard events as hazard-service writes them (flat snapshot fields), and callers with report scopes. */
final class HazardEvents {

    private HazardEvents() {
    }

    /** One hazard's description; every event of it carries it. */
    record Hazard(String id, String town, String department, String industry, String severity, String source) {

        static Hazard in(String town) {
            return new Hazard(UUID.randomUUID().toString(), town, "dept-safety", "MACHINERY", "GENERAL",
                    "GRID_PATROL");
        }

        Hazard department(String d) {
            return new Hazard(id, town, d, industry, severity, source);
        }

        Hazard severity(String s) {
            return new Hazard(id, town, department, industry, s, source);
        }

        Hazard source(String s) {
            return new Hazard(id, town, department, industry, severity, s);
        }

        Hazard industry(String i) {
            return new Hazard(id, town, department, i, severity, source);
        }

        CloudEvent event(String what, String state, long revision, Instant at, Map<String, Object> extra) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("hazardId", id);
            payload.put("establishmentId", "est-" + town + "-0001");
            payload.put("townId", town);
            payload.put("departmentId", department);
            payload.put("industry", industry);
            payload.put("category", "FIRE_SAFETY");
            payload.put("severity", severity);
            payload.put("source", source);
            payload.put("state", state);
            payload.put("deadline", LocalDate.of(2031, 1, 1).toString());
            payload.put("overdue", false);
            payload.put("revision", revision);
            payload.put("occurredAt", at.toString());
            payload.put("actor", "张建国");
            payload.putAll(extra);
            return CloudEventBuilder.v1().withId(UUID.randomUUID().toString())
                    .withType("liuhua.hazard." + what + ".v1").withSource(URI.create("/liuhua/hazard-service"))
                    .withSubject(id).withTime(at.atOffset(java.time.ZoneOffset.UTC))
                    .withDataContentType("application/json")
                    .withData(EventJson.write(payload).getBytes(StandardCharsets.UTF_8)).build();
        }

        CloudEvent reported(Instant at) {
            return event("reported", "REPORTED", 1, at, Map.of("reportedAt", at.toString()));
        }

        CloudEvent closed(long revision, Instant at) {
            return event("closed", "CLOSED", revision, at, Map.of("closedAt", at.toString()));
        }

        CloudEvent overdue(long revision, Instant at) {
            return event("overdue", "RECTIFYING", revision, at, Map.of("overdue", true, "daysOverdue", 1));
        }
    }

    /** Sends in this order (one hazard's events keep it: same key, same partition) and waits for every ack. */
    static void send(KafkaTemplate<String, CloudEvent> kafka, CloudEvent... events) throws Exception {
        List<java.util.concurrent.CompletableFuture<?>> sent = new java.util.ArrayList<>();
        for (CloudEvent event : events) {
            sent.add(kafka.send(new ProducerRecord<>(Topics.HAZARD, event.getSubject(), event)));
        }
        for (java.util.concurrent.CompletableFuture<?> ack : sent) {
            ack.get();
        }
    }

    static TestHttp as(int port, String role) {
        return new TestHttp("http://127.0.0.1:" + port, TestTokens.user("someone", role));
    }

    static TestHttp as(int port, String role, String claim, String value) {
        return new TestHttp("http://127.0.0.1:" + port,
                TestTokens.user("officer", List.of(role), Map.of(claim, value)));
    }
}
