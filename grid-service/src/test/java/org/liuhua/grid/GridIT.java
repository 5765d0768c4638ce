package org.liuhua.grid;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import org.awaitility.Awaitility;
import org.liuhua.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.liuhua.kit.security.Roles;
import org.junit.jupiter.api.AfterEach;
import org.liuhua.kit.test.MovableClock;
import org.liuhua.kit.test.ServiceTestSupport;
import org.liuhua.kit.test.TestHttp;
import org.liuhua.kit.test.TestTokens;
import org.liuhua.kit.test.TopicProbe;
import org.liuhua.kit.time.CityCalendar;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the grid-service integration tests: one Spring context (same annotations everywhere) on the real embedded
 * KRaft broker and the MongoDB stand-in; helpers that build a small piece of the demo city through the HTTP API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@Import(MovableClock.Configuration.class)
public abstract class GridIT {

    public static final String TOWN = "zjg-jinfeng";
    /**
     * How long a sync waits for a photo id it has not heard of (3 s in production): shorter, yet well above the
     * consumer's lag on a busy machine.
     */
    public static final Duration PHOTO_WAIT = Duration.ofSeconds(2);
    public static final String OTHER_TOWN = "zjg-leyu";
    /** Named in {@code liuhua.grid.staffing.large-town-ids}. */
    public static final String LARGE_TOWN = "rg-changjiang";
    /** {@code liuhua.grid.staffing.workers-per-safety-officer} of the tests. */
    public static final int WORKERS_PER_SAFETY_OFFICER = 1000;
    /** 锦丰镇 centre, roughly. */
    public static final double LAT = 31.9380;
    public static final double LON = 120.6250;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceTestSupport.register(registry, "grid-service-it");
        // a 长江镇-type town held to the development zones' staffing numbers by id (StaffingRulesIT)
        registry.add("liuhua.grid.staffing.large-town-ids", () -> LARGE_TOWN);
        // one safety officer per started 1,000 workers of a post's shift (default 0: one per shift; StaffingRulesIT)
        registry.add("liuhua.grid.staffing.workers-per-safety-officer", () -> WORKERS_PER_SAFETY_OFFICER);
        registry.add("liuhua.grid.patrols.photo-wait", PHOTO_WAIT::toString);
    }

    @LocalServerPort
    protected int port;
    @Autowired
    protected Environment environment;
    @Autowired
    private EmbeddedKafkaBroker broker;
    @Autowired
    private KafkaTemplate<String, CloudEvent> kafkaTemplate;
    @Autowired
    private MongoTemplate mongoTemplate;
    /** The city's days and months, as the service cuts them. */
    @Autowired
    protected CityCalendar calendar;
    /** The service's clock: real time plus an offset a test may move (reset after each test). */
    @Autowired
    protected MovableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** Moves the service's clock so that it is now this local time of the city. */
    protected void nowIs(java.time.LocalDateTime cityTime) {
        clock.reset();
        clock.advance(Duration.between(clock.instant(), cityTime.atZone(calendar.zone()).toInstant()));
    }

    protected TestHttp admin() {
        return new TestHttp("http://127.0.0.1:" + port, TestTokens.user("city-admin", Roles.CITY_ADMIN));
    }

    protected TestHttp townOfficer(String townId) {
        return new TestHttp("http://127.0.0.1:" + port,
                TestTokens.user("town-officer-" + townId, List.of(Roles.TOWN_OFFICER), Map.of("town_id", townId)));
    }

    protected TestHttp inspector(String inspectorId) {
        return new TestHttp("http://127.0.0.1:" + port, TestTokens.user("inspector-" + inspectorId,
                List.of(Roles.INSPECTOR), Map.of("inspector_id", inspectorId)));
    }

    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Ensures the towns and a department exist (idempotent), then makes a fresh village, grid and unit. */
    protected Place place(String townId, String unitKind) {
        ensureTown(TOWN, "锦丰镇", "TOWN", 8, 4);
        ensureTown(OTHER_TOWN, "乐余镇", "TOWN", 7, 3);
        ok(admin().post("/api/v1/departments", Map.of("id", "dept-emergency", "name", "应急管理局")));
        String village = unique(townId + "-v");
        ok(admin().post("/api/v1/villages", Map.of("id", village, "townId", townId, "name", "村 " + village)));
        String grid = village + "-g1";
        ok(admin().post("/api/v1/grids", Map.of("id", grid, "villageId", village, "name", "网格 1")));
        String unit = grid + "-u1";
        ok(admin().post("/api/v1/patrol-units", Map.of("id", unit, "gridId", grid, "name", "单元 1",
                "kind", unitKind)));
        return new Place(townId, village, grid, unit);
    }

    protected void ensureTown(String id, String name, String kind, int safetyStaff, int fireStaff) {
        TestHttp.Response r = admin().post("/api/v1/towns", Map.of("id", id, "name", name, "kind", kind,
                "safetyStaff", safetyStaff, "fireStaff", fireStaff));
        assertThat(r.status()).as(r.toString()).isIn(200, 201);
    }

    public record Place(String townId, String villageId, String gridId, String unitId) {
    }

    protected Map<String, Object> establishment(String id, Place place, String riskLevel) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("name", "企业 " + id);
        body.put("kind", "INDUSTRIAL");
        body.put("industry", "MACHINERY");
        body.put("departmentId", "dept-emergency");
        body.put("unitId", place.unitId());
        body.put("riskLevel", riskLevel);
        body.put("flags", List.of());
        body.put("employeeCount", 20);
        body.put("address", "锦丰镇 " + id);
        body.put("latitude", LAT);
        body.put("longitude", LON);
        return body;
    }

    protected String registerEstablishment(Place place, String riskLevel) {
        String id = unique("est-jinfeng");
        TestHttp.Response r = admin().post("/api/v1/establishments", establishment(id, place, riskLevel));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return id;
    }

    protected String registerInspector(Place place) {
        String id = unique("insp-jinfeng");
        TestHttp.Response r = admin().post("/api/v1/inspectors", Map.of("id", id, "name", "巡查员 " + id,
                "employment", "FULL_TIME", "townId", place.townId(), "phone", "13800000000"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        TestHttp.Response bound = admin().post("/api/v1/inspectors/" + id + "/bindings",
                Map.of("unitId", place.unitId(), "since", "2025-01-01"));
        assertThat(bound.status()).as(bound.toString()).isEqualTo(200);
        return id;
    }

    protected static TestHttp.Response ok(TestHttp.Response r) {
        assertThat(r.status()).as(r.toString()).isIn(200, 201);
        return r;
    }

    /** The values of a field of the items of every page of a list (the page size is at most 200). */
    protected static List<String> allItems(TestHttp http, String path, String field) {
        List<String> values = new ArrayList<>();
        String separator = path.contains("?") ? "&" : "?";
        for (int page = 0; ; page++) {
            TestHttp.Response response = http.get(path + separator + "size=200&page=" + page);
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            JsonNode body = response.json();
            body.get("items").forEach(item -> values.add(item.get(field).asString()));
            if (page + 1 >= body.get("totalPages").asInt()) {
                return values;
            }
        }
    }

    /**
     * This context's broker. Not the environment's {@code spring.kafka.bootstrap-servers}: {@code @EmbeddedKafka} also
     * publishes it as a JVM-wide system property, which a second cached context overwrites.
     */
    private String bootstrap() {
        return broker.getBrokersAsString();
    }

    protected List<ConsumerRecord<String, CloudEvent>> events(String topic, String key, String type, int count) {
        try (TopicProbe probe = new TopicProbe(bootstrap(), topic)) {
            return probe.await(r -> key.equals(r.key()) && type.equals(r.value().getType()), count,
                    Duration.ofSeconds(20));
        }
    }

    /** All events of a key and type seen within a window (to show no more came than expected). */
    protected List<ConsumerRecord<String, CloudEvent>> drain(String topic, String key, String type,
                                                             Duration window) {
        try (TopicProbe probe = new TopicProbe(bootstrap(), topic)) {
            return probe.drain(r -> key.equals(r.key()) && type.equals(r.value().getType()), window);
        }
    }

    /**
     * Announces a finding photo as hazard-service does when it is uploaded ({@code liuhua.hazard.evidence-uploaded.v1}
     * on its topic, ADR 0012) and returns its id; with {@code await} once grid-service knows it.
     */
    protected String uploadedPhoto(String owner, boolean await) {
        String evidenceId = UUID.randomUUID().toString();
        announcePhoto(UUID.randomUUID().toString(), evidenceId, owner);
        if (await) {
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> mongoTemplate.findById(evidenceId,
                    org.bson.Document.class, "uploaded_photos") != null);
        }
        return evidenceId;
    }

    /** Publishes hazard-service's {@code evidence-uploaded} event with this event id (a redelivery repeats it). */
    protected void announcePhoto(String eventId, String evidenceId, String owner) {
        Map<String, Object> payload = Map.of("evidenceId", evidenceId, "owner", owner,
                "uploadedAt", Instant.now().toString());
        CloudEvent event = CloudEventBuilder.v1().withId(eventId)
                .withType("liuhua.hazard.evidence-uploaded.v1").withSource(URI.create("/hazard-service"))
                .withSubject(evidenceId).withData("application/json", TestHttp.JSON.writeValueAsString(payload)
                        .getBytes(StandardCharsets.UTF_8))
                .build();
        kafkaTemplate.send(Topics.HAZARD, evidenceId, event).join();
    }

    /** Publishes hazard-service's {@code evidence-discarded} event with this event id (a redelivery repeats it). */
    protected void discardPhoto(String eventId, String evidenceId, String owner) {
        Map<String, Object> payload = Map.of("evidenceId", evidenceId, "owner", owner,
                "uploadedAt", Instant.now().minus(31, java.time.temporal.ChronoUnit.DAYS).toString(),
                "discardedAt", Instant.now().toString());
        CloudEvent event = CloudEventBuilder.v1().withId(eventId)
                .withType("liuhua.hazard.evidence-discarded.v1").withSource(URI.create("/hazard-service"))
                .withSubject(evidenceId).withData("application/json", TestHttp.JSON.writeValueAsString(payload)
                        .getBytes(StandardCharsets.UTF_8))
                .build();
        kafkaTemplate.send(Topics.HAZARD, evidenceId, event).join();
    }

    /** A photo the inspector uploaded, known to grid-service. */
    protected String uploadedPhoto(String inspectorId) {
        return uploadedPhoto("inspector:" + inspectorId, true);
    }

    /** Sends a multipart/form-data upload with one file part named {@code file}. */
    protected TestHttp.Response upload(TestHttp http, String path, String filename, byte[] content) {
        String boundary = "----grid" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(http.request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }
}
