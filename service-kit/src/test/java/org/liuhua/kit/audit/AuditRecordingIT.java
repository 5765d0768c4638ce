package org.liuhua.kit.audit;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.liuhua.events.Topics;
import org.liuhua.events.audit.AuditRecorded;
import org.liuhua.kit.outbox.EventJson;
import org.liuhua.kit.outbox.KitIntegrationTest;
import org.liuhua.kit.outbox.OutboxRelay;
import org.liuhua.kit.security.Caller;
import org.liuhua.kit.security.Roles;
import org.liuhua.kit.test.TestHttp;
import org.liuhua.kit.test.TestTokens;
import org.liuhua.kit.test.TopicProbe;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Every state-changing request that reached an endpoint is recorded in audit_log and published to liuhua.audit. */
class AuditRecordingIT extends KitIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    OutboxRelay relay;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    TestHttp http() {
        return new TestHttp("http://127.0.0.1:" + port);
    }

    @Test
    void theRelayPublishesTheAuditLogBesideTheServicesOwnCollections() {
        assertThat(relay.collections()).containsExactly("parcels", "audit_log");
    }

    @Test
    void aCreationIsRecordedWithWhoWhatTheCreatedIdAndTheOutcomeAndPublished() {
        String token = TestTokens.user("town-officer", List.of(Roles.TOWN_OFFICER),
                Map.of(Caller.CLAIM_TOWN, "zjg-jinfeng"));
        TestHttp.Response created = http().as(token).post("/api/v1/parcels", Map.of("label", "first"));
        assertThat(created.status()).isEqualTo(201);
        String parcelId = created.json().path("id").asString();

        Document entry = awaitEntry(parcelId);
        assertThat(entry.getString("username")).isEqualTo("town-officer");
        assertThat(entry.getString("subject")).isNotBlank();
        assertThat(entry.getString("clientId")).isEqualTo("liuhua-cli");
        assertThat(entry.getList("roles", String.class)).containsExactly(Roles.TOWN_OFFICER);
        assertThat(entry.getString("action")).isEqualTo("POST /api/v1/parcels");
        assertThat(entry.getInteger("status")).isEqualTo(201);
        assertThat(entry.getString("outcome")).isEqualTo("SUCCEEDED");
        assertThat(entry.getString("service")).isEqualTo("kit-test");
        assertThat(entry.getDate("occurredAt")).isNotNull();
        assertThat(entry.getString("traceId")).hasSize(32);

        try (TopicProbe probe = new TopicProbe(bootstrapServers, Topics.AUDIT)) {
            List<ConsumerRecord<String, CloudEvent>> published = probe.await(
                    r -> parcelId.equals(EventJson.read(r.value(), AuditRecorded.class).targetId()), 1,
                    Duration.ofSeconds(20));
            assertThat(published).hasSize(1);
            CloudEvent event = published.get(0).value();
            assertThat(event.getType()).isEqualTo("liuhua.audit.recorded.v1");
            AuditRecorded payload = EventJson.read(event, AuditRecorded.class);
            assertThat(payload.auditId()).isEqualTo(entry.getString("_id"));
            assertThat(payload.action()).isEqualTo("POST /api/v1/parcels");
            assertThat(payload.roles()).containsExactly(Roles.TOWN_OFFICER);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(awaitEntry(parcelId).getList("outbox", Document.class)).isEmpty());
    }

    @Test
    void aRefusedAndAFailedChangeAreRecordedWithTheirOutcomeAndTheRoutesId() {
        String firm = TestTokens.client("demo-firm", List.of(Roles.THIRD_PARTY_FIRM));
        assertThat(http().as(firm).delete("/api/v1/parcels/p-denied").status()).isEqualTo(403);

        Document denied = awaitEntry("p-denied");
        assertThat(denied.getString("action")).isEqualTo("DELETE /api/v1/parcels/{id}");
        assertThat(denied.getString("clientId")).isEqualTo("demo-firm");
        assertThat(denied.getInteger("status")).isEqualTo(403);
        assertThat(denied.getString("outcome")).isEqualTo("DENIED");

        String admin = TestTokens.user("city-admin", Roles.CITY_ADMIN);
        assertThat(http().as(admin).put("/api/v1/parcels/p-rejected/label", Map.of()).status()).isEqualTo(400);
        Document rejected = awaitEntry("p-rejected");
        assertThat(rejected.getString("action")).isEqualTo("PUT /api/v1/parcels/{id}/label");
        assertThat(rejected.getString("outcome")).isEqualTo("REJECTED");
    }

    @Test
    void readsAndRequestsThatNeverReachedAnEndpointAreNotRecorded() {
        long before = mongo.count(new Query(), "audit_log");
        String admin = TestTokens.user("city-admin", Roles.CITY_ADMIN);
        http().as(admin).get("/api/v1/parcels/p-read");
        http().delete("/api/v1/parcels/p-anonymous");
        http().as(admin).post("/api/v1/no-such-endpoint", Map.of());

        assertThat(mongo.exists(new Query(Criteria.where("targetId").in("p-read", "p-anonymous")), "audit_log"))
                .isFalse();
        assertThat(mongo.count(new Query(Criteria.where("action").regex("no-such-endpoint|/\\*\\*")),
                "audit_log")).isZero();
        assertThat(mongo.count(new Query(), "audit_log")).isEqualTo(before);
    }

    private Document awaitEntry(String targetId) {
        Query query = new Query(Criteria.where("targetId").is(targetId));
        await().atMost(Duration.ofSeconds(10)).until(() -> mongo.exists(query, "audit_log"));
        return mongo.findOne(query, Document.class, "audit_log");
    }
}
