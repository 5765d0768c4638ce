package org.liuhua.training;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The one Spring context of training-service's integration tests: real HTTP, the MongoDB stand-in, the embedded KRaft
 * broker, real signed tokens of the demo identities, a clock the tests can move, the reminder job switched off (tests
 * run it) and a small fixture question bank.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "liuhua.training.certificates.reminders-enabled=false",
        "liuhua.training.rates.publish=false",
        "liuhua.training.exams.starter-bank=classpath:fixtures/question-bank.json"})
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@Import(MovableClock.Configuration.class)
public abstract class TrainingIT {

    public static final String JINFENG = "zjg-jinfeng";
    public static final String TANGQIAO = "zjg-tangqiao";
    private static final AtomicLong REVISION = new AtomicLong(1);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceTestSupport.register(registry, "training-service-it");
    }

    @LocalServerPort
    protected int port;
    /**
     * This context's broker. Not {@code spring.kafka.bootstrap-servers}: {@code @EmbeddedKafka} sets it as a system
     * property, which the smoke test's context (its own broker) overwrites while this cached context lives on.
     */
    protected String bootstrap;
    @Autowired
    protected org.springframework.kafka.test.EmbeddedKafkaBroker broker;
    @Autowired
    protected MovableClock clock;
    @Autowired
    protected KafkaTemplate<String, CloudEvent> kafka;
    @Autowired
    protected MongoTemplate mongo;
    @Autowired
    protected org.liuhua.kit.time.CityCalendar calendar;

    @org.junit.jupiter.api.BeforeEach
    void thisContextsBroker() {
        bootstrap = broker.getBrokersAsString();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    protected TestHttp as(String token) {
        return new TestHttp("http://127.0.0.1:" + port, token);
    }

    protected TestHttp admin() {
        return as(TestTokens.user("city-admin", Roles.CITY_ADMIN));
    }

    protected TestHttp viewer() {
        return as(TestTokens.user("cockpit-viewer", Roles.COCKPIT_VIEWER));
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
        return as(TestTokens.user("enterprise-officer-" + establishmentId, List.of(Roles.ENTERPRISE_OFFICER),
                Map.of("establishment_id", establishmentId)));
    }

    protected TestHttp staffMember(String staffId, String establishmentId) {
        return as(TestTokens.user("staff-" + staffId, List.of(Roles.STAFF),
                Map.of("staff_id", staffId, "establishment_id", establishmentId)));
    }

    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Announces an establishment as grid-service would and waits until training-service knows it. */
    protected String establishment(String townId, String kind, String industry, String departmentId,
                                   String landlordId, List<String> flags) {
        String id = unique("est-" + townId.substring(4));
        announce(id, townId, kind, industry, departmentId, landlordId, flags, false);
        return id;
    }

    protected String establishment(String townId) {
        return establishment(townId, "INDUSTRIAL", "MACHINERY", "dept-industry", null, List.of());
    }

    /** Publishes a snapshot (registered or changed) with a fresh, higher revision and waits until it is applied. */
    protected void announce(String id, String townId, String kind, String industry, String departmentId,
                            String landlordId, List<String> flags, boolean changed) {
        long revision = REVISION.incrementAndGet();
        Object event = changed
                ? new EstablishmentChanged(id, "张家港某企业 " + id, kind, industry, departmentId, townId, townId + "-v01",
                townId + "-v01-g1", townId + "-v01-g1-u1", "GENERAL", flags, 80, "某路1号", 31.9, 120.6, landlordId,
                null, clock.instant(), revision)
                : new EstablishmentRegistered(id, "张家港某企业 " + id, kind, industry, departmentId, townId,
                townId + "-v01", townId + "-v01-g1", townId + "-v01-g1-u1", "GENERAL", flags, 80, "某路1号", 31.9,
                120.6, landlordId, null, clock.instant(), revision);
        publish(Topics.GRID, id, event);
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.exists(new Query(Criteria.where("_id").is(id)
                .and("revision").is(revision)), "establishments"));
    }

    /** Publishes an event on a topic as the producing service's relay would (CloudEvents binary mode). */
    protected void publish(String topic, String key, Object payload) {
        CloudEvent event = CloudEventBuilder.v1().withId(UUID.randomUUID().toString())
                .withType(EventTypes.typeOf(payload.getClass())).withSource(URI.create("/grid-service"))
                .withTime(Instant.now().atOffset(ZoneOffset.UTC)).withDataContentType("application/json")
                .withData(EventJson.write(payload).getBytes(StandardCharsets.UTF_8)).build();
        kafka.send(topic, key, event).join();
    }

    /** Registers a staff member as the city admin; returns the answer's JSON id. */
    protected String staff(String establishmentId, String employeeNo, String role, String post) {
        TestHttp.Response created = admin().post("/api/v1/training/staff", Map.of("establishmentId", establishmentId,
                "employeeNo", employeeNo, "name", "员工" + employeeNo, "role", role, "post", post,
                "hireDate", "2025-03-01", "phone", "13800000000"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    /** Records the three passed induction levels. */
    protected void inductAll(String staffId) {
        for (String level : List.of("COMPANY", "WORKSHOP", "TEAM")) {
            TestHttp.Response r = admin().post("/api/v1/training/staff/" + staffId + "/inductions", Map.of("level",
                    level, "heldOn", calendar.today().toString(), "hours", 8,
                    "trainer", "安全科 李工", "theoryScore", 85, "practicalScore", 90));
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
        }
    }

    /** Sends a multipart/form-data POST with one file part and text fields. */
    protected static TestHttp.Response upload(TestHttp http, String path, String filename, byte[] content) {
        String boundary = "----liuhua" + UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        try {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                    + filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.write(content);
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return http.send(http.request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    protected static List<String> texts(tools.jackson.databind.JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.get(field).asString()));
        return values;
    }
}
