package org.liuhua.reporting;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.liuhua.events.Topics;
import org.liuhua.events.audit.AuditRecorded;
import org.liuhua.kit.outbox.EventJson;
import org.liuhua.kit.security.Roles;
import org.liuhua.kit.store.CollectionIndexes;
import org.liuhua.kit.store.IndexCreator;
import org.liuhua.kit.test.IndexCoverage;
import org.liuhua.kit.test.QueryPaths;
import org.liuhua.kit.test.TestHttp;
import org.liuhua.kit.test.TestTokens;
import org.liuhua.reporting.projection.ProjectionRuntime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Drives every endpoint with every filter and both listeners, records every query the service sends to MongoDB and
 * holds each against the indexes the running service declares (its own and the kit's outbox indexes).
 */
class QueryPathsIT extends ReportingIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    KafkaTemplate<String, CloudEvent> kafka;
    @Autowired
    QueryPaths queryPaths;
    @Autowired
    IndexCreator indexCreator;
    @Autowired
    ProjectionRuntime projections;

    @Test
    void everyQueryTheServiceSendsIsServedByADeclaredIndex() throws Exception {
        String hazardId = UUID.randomUUID().toString();
        send(Topics.HAZARD, hazardId, "liuhua.hazard.reported.v1", Map.of("hazardId", hazardId, "townId", "zjg-idx",
                "state", "REPORTED", "revision", 1, "occurredAt", Instant.now().toString()));
        String auditId = UUID.randomUUID().toString();
        send(Topics.AUDIT, auditId, "liuhua.audit.recorded.v1", new AuditRecorded(auditId, "grid-service", "sub",
                "index-user", "cli", List.of(Roles.TOWN_OFFICER), "POST /api/v1/things", "t-1", Instant.now(), 201,
                "SUCCEEDED", null));
        TestHttp admin = new TestHttp("http://127.0.0.1:" + port, TestTokens.user("city-admin", Roles.CITY_ADMIN));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                admin.get("/api/v1/audit?subject=index-user").json().path("totalElements").asLong() == 1
                        && admin.get("/api/v1/stats/overview").json().path("hazards").path("total").asLong() > 0);

        for (String path : List.of("/api/v1/stats/overview", "/api/v1/stats/towns", "/api/v1/stats/months",
                "/api/v1/stats/industries", "/api/v1/stats/departments", "/api/v1/stats/open-at",
                "/api/v1/stats/hazards?list=overdue", "/api/v1/admin/rebuild",
                "/api/v1/audit", "/api/v1/audit?subject=index-user", "/api/v1/audit?targetId=t-1",
                "/api/v1/audit?action=" + URLEncoder.encode("POST /api", StandardCharsets.UTF_8),
                "/api/v1/audit?from=2026-01-01T00:00:00Z", "/api/v1/audit?to=2036-01-01T00:00:00Z",
                "/api/v1/audit?targetId=t-1&from=2026-01-01T00:00:00Z&sort=occurredAt,asc",
                "/api/v1/audit?subject=index-user&action=POST&targetId=t-1")) {
            assertThat(admin.get(path).status()).as(path).isEqualTo(200);
        }
        projections.reconcileLive();

        List<QueryPaths.Path> recorded = queryPaths.recorded().stream().map(ReportingQueryPaths::base).distinct()
                .toList();
        List<CollectionIndexes> declared = new ArrayList<>(indexCreator.declared());
        declared.addAll(ReportingQueryPaths.declared());
        IndexCoverage.assertServed(recorded, declared);
        assertThat(recorded).as("the documented paths are the ones the service sends")
                .containsAll(ReportingQueryPaths.all());
        assertThat(recorded.stream().filter(p -> ReportingQueryPaths.READ_MODELS.contains(p.collection())
                || p.collection().equals(ReportingQueryPaths.AUDIT)))
                .as("and no other path on the service's own collections (a documented path names the first field)")
                .allMatch(p -> ReportingQueryPaths.all().stream().anyMatch(d -> sameLead(d, p)));
    }

    /** The same collection and order, and the same first filter field (the one that picks the index). */
    private static boolean sameLead(QueryPaths.Path documented, QueryPaths.Path recorded) {
        return documented.collection().equals(recorded.collection()) && documented.sort().equals(recorded.sort())
                && (documented.filter().isEmpty() ? recorded.filter().isEmpty()
                : !recorded.filter().isEmpty() && recorded.filter().get(0).equals(documented.filter().get(0)));
    }

    private void send(String topic, String key, String type, Object payload) throws Exception {
        CloudEvent event = CloudEventBuilder.v1().withId(UUID.randomUUID().toString()).withType(type)
                .withSource(URI.create("/liuhua/test")).withSubject(key).withDataContentType("application/json")
                .withData(EventJson.write(payload).getBytes(StandardCharsets.UTF_8)).build();
        kafka.send(new ProducerRecord<>(topic, key, event)).get();
    }
}
