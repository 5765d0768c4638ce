package org.liuhua.hazard;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import org.junit.jupiter.api.AfterEach;
import org.liuhua.events.EventTypes;
import org.liuhua.kit.outbox.EventJson;
import org.liuhua.kit.security.Roles;
import org.liuhua.kit.test.ServiceTestSupport;
import org.liuhua.kit.test.TestHttp;
import org.liuhua.kit.test.MovableClock;
import org.liuhua.kit.test.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one Spring context of hazard-service's integration tests: real HTTP, the MongoDB stand-in, the embedded KRaft
 * broker, real signed tokens of the demo identities, and a clock the tests can move.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "liuhua.hazard.escalation.enabled=false",
        // the tests run the pending photo sweep themselves (PendingPhotoSweepIT)
        "liuhua.hazard.pending-photos.enabled=false",
        "liuhua.hazard.evidence-max-bytes=200000",
        "liuhua.hazard.public-reports-per-hour=3",
        // a hazard of this category closes only with a photo after rectification (AfterPhotoIT)
        "liuhua.hazard.after-photo-categories=LIFTING_EQUIPMENT",
        // as the deployment sets it (an empty file of its configtree): no severity requires one
        "liuhua.hazard.after-photo-severities=",
        // webhook receivers of the tests listen on the loopback address over http
        "liuhua.hazard.webhooks.allow-http-loopback=true",
        // as every service runs (the kit's default): the remote address is the one the trusted proxy appended
        "server.forward-headers-strategy=native"})
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@Import(MovableClock.Configuration.class)
public abstract class HazardIT {

    public static final String JINFENG = "zjg-jinfeng";
    public static final String TANGQIAO = "zjg-tangqiao";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceTestSupport.register(registry, "hazard-service-it");
    }

    @LocalServerPort
    protected int port;
    /** The embedded broker's bootstrap servers. */
    protected String bootstrap;
    @Autowired
    protected MovableClock clock;
    @Autowired
    protected KafkaTemplate<String, CloudEvent> kafka;

    @Autowired
    void broker(EmbeddedKafkaBroker broker) {
        this.bootstrap = broker.getBrokersAsString();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
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

    protected TestHttp admin2() {
        return as(TestTokens.user("city-admin-2", Roles.CITY_ADMIN));
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

    protected TestHttp firm(String firmId) {
        return as(TestTokens.client(firmId, List.of(Roles.THIRD_PARTY_FIRM)));
    }

    /** A monitoring system's client (MONITORING_SYSTEM, client credentials; the system is its client id). */
    protected TestHttp sensorSystem(String systemId) {
        return as(TestTokens.client(systemId, List.of(Roles.MONITORING_SYSTEM)));
    }

    /** Pushes one alert of the demo gas-detector system; answers its item (status, hazardId). */
    protected tools.jackson.databind.JsonNode alert(String establishmentId, String townId, String category,
                                                    String severity) {
        Map<String, Object> item = new HashMap<>(Map.of("alertId", unique("GAS-ALERT"), "establishmentId",
                establishmentId, "townId", townId, "category", category, "description", "可燃气体浓度超限报警"));
        if (severity != null) {
            item.put("severity", severity);
        }
        TestHttp.Response pushed = sensorSystem("zjg-gas-monitor").post("/api/v1/intake/alerts",
                Map.of("alerts", List.of(item)));
        assertThat(pushed.status()).as(pushed.toString()).isEqualTo(200);
        return pushed.json().get("items").get(0);
    }

    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Reports a hazard as the city admin; returns its id. */
    protected String report(String establishmentId, String townId, String category, String severity, String source) {
        Map<String, Object> body = new HashMap<>(Map.of("establishmentId", establishmentId, "townId", townId,
                "category", category, "source", source, "description", "隐患 " + category));
        if (severity != null) {
            body.put("severity", severity);
        }
        TestHttp.Response created = admin().post("/api/v1/hazards", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    protected static Map<String, Object> fiveParts() {
        return new HashMap<>(Map.of("measures", "清理消防通道，增设警示标志", "responsiblePerson", "张经理",
                "fundsCny", 12000, "deadline", "2026-12-31", "contingencyPlan", "整改期间专人值守，配备灭火器")); 
    }

    /** Publishes an event on a topic as the producing service's relay would (CloudEvents binary mode). */
    protected void publish(String topic, String key, Object payload) {
        CloudEvent event = CloudEventBuilder.v1().withId(UUID.randomUUID().toString())
                .withType(EventTypes.typeOf(payload.getClass())).withSource(URI.create("/grid-service"))
                .withTime(Instant.now().atOffset(ZoneOffset.UTC)).withDataContentType("application/json")
                .withData(EventJson.write(payload).getBytes(StandardCharsets.UTF_8)).build();
        kafka.send(topic, key, event).join();
    }

    /** Sends a multipart/form-data POST with one file part and text fields. */
    protected static TestHttp.Response upload(TestHttp http, String path, String filename, byte[] content,
                                              Map<String, String> fields) {
        String boundary = "----liuhua" + UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        try {
            for (Map.Entry<String, String> f : fields.entrySet()) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey()
                        + "\"\r\n\r\n" + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                    + filename + "\"\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(content);
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return http.send(http.request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    protected static byte[] png(int size) {
        byte[] bytes = new byte[Math.max(size, 16)];
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
        System.arraycopy(signature, 0, bytes, 0, signature.length);
        for (int i = signature.length; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        return bytes;
    }
}
