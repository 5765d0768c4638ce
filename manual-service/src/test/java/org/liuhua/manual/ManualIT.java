package org.liuhua.manual;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import org.junit.jupiter.api.AfterEach;
import org.liuhua.events.EventTypes;
import org.liuhua.events.Topics;
import org.liuhua.events.grid.EstablishmentChanged;
import org.liuhua.events.grid.EstablishmentRegistered;
import org.liuhua.kit.outbox.EventJson;
import org.liuhua.kit.security.Roles;
import org.liuhua.kit.test.ServiceTestSupport;
import org.liuhua.kit.test.TestHttp;
import org.liuhua.kit.test.MovableClock;
import org.liuhua.kit.test.TestTokens;
import org.liuhua.kit.test.TopicProbe;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.awaitility.Awaitility.await;

/**
 * The one Spring context of manual-service's integration tests: real HTTP on a random port, the MongoDB stand-in,
 * the embedded KRaft broker, real signed tokens of the demo roles, the fixture starter content and a clock the tests
 * can move.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "liuhua.manual.starter.templates=classpath:fixtures/templates.json",
        "liuhua.manual.starter.checklists=classpath:fixtures/checklists.json",
        "liuhua.manual.handbooks.reminders.enabled=false",
        "liuhua.manual.cards.public-base-url=https://liuhua.example.cn",
        "liuhua.manual.checklists.photo-max-bytes=100000"})
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@Import(MovableClock.Configuration.class)
public abstract class ManualIT {

    public static final String JINFENG = "zjg-jinfeng";
    public static final String TANGQIAO = "zjg-tangqiao";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceTestSupport.register(registry, "manual-service-it");
    }

    @LocalServerPort
    protected int port;
    @Autowired
    protected Environment environment;
    @Autowired
    protected MovableClock clock;
    @Autowired
    protected KafkaTemplate<String, CloudEvent> kafka;
    @Autowired
    protected MongoTemplate mongo;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /**
     * The broker this context's service talks to. (Not the environment's {@code spring.kafka.bootstrap-servers}:
     * {@code @EmbeddedKafka} sets it as a system property, which the next test context with its own broker, such as
     * the smoke test's, overwrites.)
     */
    protected String bootstrap() {
        Object servers = kafka.getProducerFactory().getConfigurationProperties()
                .get(org.apache.kafka.clients.producer.ProducerConfig.BOOTSTRAP_SERVERS_CONFIG);
        return servers instanceof java.util.Collection<?> list ? String.join(",", list.stream().map(String::valueOf)
                .toList()) : String.valueOf(servers);
    }

    protected TopicProbe probe() {
        return new TopicProbe(bootstrap(), Topics.MANUAL);
    }

    protected TestHttp as(String token) {
        return new TestHttp("http://127.0.0.1:" + port, token);
    }

    protected TestHttp anonymous() {
        return new TestHttp("http://127.0.0.1:" + port);
    }

    protected TestHttp admin() {
        return as(TestTokens.user("city-admin", Roles.CITY_ADMIN));
    }

    protected TestHttp townOfficer(String townId) {
        return as(TestTokens.user("town-officer-" + townId, List.of(Roles.TOWN_OFFICER), Map.of("town_id", townId)));
    }

    protected TestHttp departmentOfficer(String departmentId) {
        return as(TestTokens.user("department-officer-" + departmentId, List.of(Roles.DEPARTMENT_OFFICER),
                Map.of("department_id", departmentId)));
    }

    protected TestHttp inspector(String inspectorId) {
        return as(TestTokens.user("inspector-" + inspectorId, List.of(Roles.INSPECTOR),
                Map.of("inspector_id", inspectorId)));
    }

    protected TestHttp enterpriseOfficer(String establishmentId) {
        return as(enterpriseOfficerToken(establishmentId));
    }

    protected static String enterpriseOfficerToken(String establishmentId) {
        return TestTokens.user("enterprise-officer-" + establishmentId, List.of(Roles.ENTERPRISE_OFFICER),
                Map.of("establishment_id", establishmentId));
    }

    /** A binary answer (a PDF), with a bearer token. */
    protected byte[] bytes(String path, String token) throws Exception {
        java.net.http.HttpResponse<byte[]> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Authorization", "Bearer " + token).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new AssertionError(path + " answered " + response.statusCode());
        }
        return response.body();
    }

    protected TestHttp staff(String name, String establishmentId) {
        return as(TestTokens.user(name, List.of(Roles.STAFF), Map.of("establishment_id", establishmentId)));
    }

    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** An establishment as grid-service announces it. */
    protected EstablishmentRegistered registered(String id, String townId, String departmentId, String industry,
                                                 List<String> flags, long revision) {
        return new EstablishmentRegistered(id, "张家港某金属制品有限公司", "INDUSTRIAL", industry, departmentId, townId,
                townId + "-v01", townId + "-v01-g1", townId + "-v01-g1-u1", "SIGNIFICANT", flags, 80,
                "锦丰镇兴业路1号", 31.9, 120.6, null, null, Instant.now(), revision);
    }

    protected EstablishmentChanged changed(EstablishmentRegistered r) {
        return new EstablishmentChanged(r.establishmentId(), r.name(), r.kind(), r.industry(), r.departmentId(),
                r.townId(), r.villageId(), r.gridId(), r.unitId(), r.riskLevel(), r.flags(), r.employeeCount(),
                r.address(), r.latitude(), r.longitude(), r.landlordId(), r.clusterId(), r.changedAt(), r.revision());
    }

    /** Announces a dust-explosion metal-products establishment of Jinfeng and waits until manual-service knows it. */
    protected String knownEstablishment(String prefix) {
        String id = unique(prefix);
        publish(Topics.GRID, id, registered(id, JINFENG, "dept-industry", "METAL_PRODUCTS",
                List.of("DUST_EXPLOSION"), 1));
        awaitKnown(id, 1);
        return id;
    }

    protected void awaitKnown(String id, long revision) {
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.exists(new Query(Criteria.where("_id").is(id)
                .and("revision").is(revision)), "establishments"));
    }

    /** Publishes an event as the producing service's relay would (CloudEvents binary mode). */
    protected void publish(String topic, String key, Object payload) {
        CloudEvent event = CloudEventBuilder.v1().withId(UUID.randomUUID().toString())
                .withType(EventTypes.typeOf(payload.getClass())).withSource(URI.create("/grid-service"))
                .withTime(Instant.now().atOffset(ZoneOffset.UTC)).withDataContentType("application/json")
                .withData(EventJson.write(payload).getBytes(StandardCharsets.UTF_8)).build();
        kafka.send(topic, key, event).join();
    }

    protected static <T> T payload(org.apache.kafka.clients.consumer.ConsumerRecord<String, CloudEvent> record,
                                   Class<T> type) {
        return EventJson.read(record.value(), type);
    }

    protected static java.util.function.Predicate<org.apache.kafka.clients.consumer.ConsumerRecord<String, CloudEvent>>
    ofType(Class<?> type, String key) {
        String name = EventTypes.typeOf(type);
        return r -> r.value().getType().equals(name) && (key == null || key.equals(r.key()));
    }
}
