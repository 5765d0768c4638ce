package org.liuhua.hazard.webhook;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liuhua.hazard.HazardIT;
import org.liuhua.kit.test.TestHttp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Outbound webhooks of a third-party firm (H-7), against a real HTTP receiver on the loopback address: signed
 * notifications of its findings' state changes, retried with back-off until the receiver takes them, and the log.
 */
class WebhookIT extends HazardIT {

    static final String SECRET = "lh-webhook-secret-2026-锦丰";

    record Received(String deliveryId, String event, String timestamp, String signature, String body, Instant at) {
    }

    HttpServer receiver;
    final Queue<Received> received = new ConcurrentLinkedQueue<>();
    final Map<String, AtomicInteger> tries = new ConcurrentHashMap<>();

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks/liuhua", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String delivery = exchange.getRequestHeaders().getFirst("X-Liuhua-Delivery");
            String event = exchange.getRequestHeaders().getFirst("X-Liuhua-Event");
            int attempt = tries.computeIfAbsent(delivery, d -> new AtomicInteger()).incrementAndGet();
            // the transfer's notification meets a receiver that fails twice
            int status = event.endsWith("transferred.v1") && attempt <= 2 ? 503 : 204;
            if (status == 204) {
                received.add(new Received(delivery, event, exchange.getRequestHeaders().getFirst("X-Liuhua-Timestamp"),
                        exchange.getRequestHeaders().getFirst("X-Liuhua-Signature"),
                        new String(body, StandardCharsets.UTF_8), Instant.now()));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void aFirmsWebhookGetsSignedNotificationsOfItsFindingRetriedUntilTakenAndLogged() {
        String firmId = unique("firm");
        String est = unique("est-jinfeng");
        TestHttp firm = firm(firmId);
        admin().post("/api/v1/contracts", Map.of("firmId", firmId, "establishmentIds", List.of(est),
                "validFrom", "2026-01-01", "validTo", "2030-12-31"));

        // SSRF: only https to public addresses (http only to loopback where configured, as here)
        for (String bad : List.of("https://169.254.169.254/latest/meta-data", "http://10.1.2.3/hook",
                "https://192.168.1.20/hook", "ftp://example.org/x", "https://user:pw@127.0.0.1/x")) {
            TestHttp.Response refused = firm.put("/api/v1/firms/" + firmId + "/webhook", Map.of("url", bad,
                    "secret", SECRET));
            assertThat(refused.status()).as(bad + " " + refused).isEqualTo(400);
            assertThat(refused.json().get("errors").findValuesAsString("field")).containsExactly("url");
        }
        TestHttp.Response shortSecret = firm.put("/api/v1/firms/" + firmId + "/webhook", Map.of("url",
                url(), "secret", "short"));
        assertThat(shortSecret.json().get("errors").findValuesAsString("field")).containsExactly("secret");
        assertThat(firm(unique("firm")).put("/api/v1/firms/" + firmId + "/webhook", Map.of("url", url(),
                "secret", SECRET)).status()).as("another firm's webhook is unknown").isEqualTo(404);
        assertThat(townOfficer(JINFENG).put("/api/v1/firms/" + firmId + "/webhook", Map.of("url", url(),
                "secret", SECRET)).status()).isEqualTo(403);

        TestHttp.Response registered = firm.put("/api/v1/firms/" + firmId + "/webhook", Map.of("url", url(),
                "secret", SECRET));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(200);
        assertThat(registered.json().has("secret")).as("the secret is never answered").isFalse();

        JsonNode pushed = firm.post("/api/v1/intake/findings", Map.of("findings", List.of(Map.of(
                "externalId", "HK-2026-0042", "establishmentId", est, "townId", JINFENG, "category", "FIRE_SAFETY",
                "description", "第三方检查：配电箱前堆放纸箱", "foundAt", "2026-01-05T08:00:00Z")))).json();
        String hazardId = pushed.get("items").get(0).get("hazardId").asString();
        TestHttp town = townOfficer(JINFENG);
        town.post("/api/v1/hazards/" + hazardId + "/transfer", Map.of("toEstablishment", true));
        admin().post("/api/v1/hazards/" + hazardId + "/rectify", fiveParts());
        Instant reviewedAt = Instant.now();
        assertThat(town.post("/api/v1/hazards/" + hazardId + "/review", Map.of("passed", true, "note", "复核通过"))
                .status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(5)).until(() -> received.stream()
                .anyMatch(r -> r.event().equals("liuhua.hazard.reviewed.v1")));
        Received review = received.stream().filter(r -> r.event().equals("liuhua.hazard.reviewed.v1")).findFirst()
                .orElseThrow();
        assertThat(Duration.between(reviewedAt, review.at())).isLessThan(Duration.ofSeconds(5));
        assertThat(review.signature()).isEqualTo("sha256=" + WebhookSender.sign(SECRET, review.timestamp(),
                review.body()));
        JsonNode body = JsonMapper.builder().build().readTree(review.body());
        assertThat(body.get("hazardId").asString()).isEqualTo(hazardId);
        assertThat(body.get("state").asString()).isEqualTo("ENFORCEMENT");
        assertThat(body.get("externalIds").toString()).contains("HK-2026-0042");

        // the receiver failed the transfer's notification twice: the third try delivers it
        await().atMost(Duration.ofSeconds(10)).until(() -> received.stream()
                .anyMatch(r -> r.event().equals("liuhua.hazard.transferred.v1")));
        JsonNode log = firm.get("/api/v1/firms/" + firmId + "/webhook/deliveries?size=50").json();
        JsonNode transfer = null;
        for (JsonNode item : log.get("items")) {
            if (item.get("eventType").asString().equals("liuhua.hazard.transferred.v1")) {
                transfer = item;
            }
        }
        assertThat(transfer).as(log.toString()).isNotNull();
        assertThat(transfer.get("state").asString()).isEqualTo("DELIVERED");
        assertThat(transfer.get("attemptLog").findValues("status").stream().map(JsonNode::asInt).toList())
                .containsExactly(503, 503, 204);
        assertThat(log.get("items").findValuesAsString("state")).containsOnly("DELIVERED");
        assertThat(firm(unique("firm")).get("/api/v1/firms/" + firmId + "/webhook/deliveries").status())
                .isEqualTo(404);
        assertThat(received.stream().filter(r -> r.event().equals("liuhua.hazard.transferred.v1")).count())
                .as("delivered once it was taken").isEqualTo(1);
    }

    private String url() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/liuhua";
    }
}
