package org.liuhua.hazard.webhook;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.liuhua.hazard.HazardIT;
import org.liuhua.kit.lease.MongoLease;
import org.liuhua.kit.test.Replicas;
import org.liuhua.kit.time.CityCalendar;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Fault matrix, service level: two replicas' delivery passes overlapping (the lease lost by a holder still in its
 * pass; here two senders with distinct lease owners pass at once, again and again, beside the service's own
 * scheduled one). Each delivery is attempted once per due time: a failed attempt is not repeated by a pass that read
 * it before it failed, and a delivered one is not sent again — every delivery has exactly its two attempts.
 */
class WebhookReplicasIT extends HazardIT {

    @Autowired
    MongoTemplate mongo;
    @Autowired
    CityCalendar calendar;
    @Autowired
    WebhookProperties properties;

    @Test
    void overlappingPassesOfTwoReplicasAttemptEachDeliveryOncePerDueTime() throws Exception {
        Map<String, AtomicInteger> tries = new ConcurrentHashMap<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks", exchange -> {
            exchange.getRequestBody().readAllBytes();
            int attempt = tries.computeIfAbsent(exchange.getRequestHeaders().getFirst("X-Liuhua-Delivery"),
                    d -> new AtomicInteger()).incrementAndGet();
            exchange.sendResponseHeaders(attempt == 1 ? 503 : 204, -1); // each fails once, then is taken
            exchange.close();
        });
        receiver.start();
        try {
            String firmId = unique("firm");
            assertThat(firm(firmId).put("/api/v1/firms/" + firmId + "/webhook", Map.of("url", "http://127.0.0.1:"
                    + receiver.getAddress().getPort() + "/hooks", "secret", "lh-webhook-secret-replicas"))
                    .status()).isEqualTo(200);
            Instant now = calendar.now();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String id = unique("event") + "#" + firmId;
                ids.add(id);
                mongo.insert(new Delivery(id, firmId, "hazard-replicas", "liuhua.hazard.reviewed.v1",
                        id, "{\"n\":" + i + "}", "PENDING", List.of(), now, now, null), Webhooks.DELIVERIES);
                mongo.insert(new PendingDelivery(id, firmId, "{\"n\":" + i + "}", "liuhua.hazard.reviewed.v1", 0,
                        now, null), Webhooks.OUTBOX);
            }
            WebhookSender first = new WebhookSender(mongo, new MongoLease(mongo, clock, "replica-1"), calendar,
                    properties);
            WebhookSender second = new WebhookSender(mongo, new MongoLease(mongo, clock, "replica-2"), calendar,
                    properties);

            // both replicas pass at once, again and again, until every delivery is taken (the first attempt of each
            // fails; the retry is due a second later)
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                Replicas.concurrently(2, first::deliverDue, second::deliverDue);
                return ids.stream().allMatch(id -> "DELIVERED".equals(mongo.findById(id, Delivery.class,
                        Webhooks.DELIVERIES).state()));
            });
            for (String id : ids) {
                assertThat(tries.get(id).get()).as("sent once per due time: %s", id).isEqualTo(2);
                assertThat(mongo.findById(id, Delivery.class, Webhooks.DELIVERIES).attempts()).extracting(
                        Delivery.Attempt::status).containsExactly(503, 204);
            }
        } finally {
            receiver.stop(0);
        }
    }

}
