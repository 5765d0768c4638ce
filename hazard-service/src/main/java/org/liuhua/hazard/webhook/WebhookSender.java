package org.liuhua.hazard.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.liuhua.kit.domain.InvalidInputException;
import org.liuhua.kit.lease.MongoLease;
import org.liuhua.kit.time.CityCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Delivers the pending webhook notifications (at least once): every {@code poll-interval} the replica holding the
 * {@code hazard-webhooks} lease reads the due entries of {@code webhook_outbox}, claims each by its {@code _id} (one
 * attempt at a time per delivery), POSTs the body signed with the firm's secret and logs the attempt. A 2xx answer
 * delivers it; anything else is retried after {@code first-retry-after}, doubled each time up to
 * {@code max-retry-after}, until {@code max-attempts} (then FAILED).
 *
 * <p>Headers: {@code X-Liuhua-Delivery} (delivery id, the same on every attempt: receivers dedupe on it),
 * {@code X-Liuhua-Event} (event type), {@code X-Liuhua-Timestamp} (seconds since the epoch) and
 * {@code X-Liuhua-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>}. A receiver recomputes the
 * signature over the raw body and refuses stale timestamps (e.g. older than 5 minutes).
 */
@Component
public class WebhookSender {

    static final String LEASE = "hazard-webhooks";
    public static final String DELIVERY_HEADER = "X-Liuhua-Delivery";
    public static final String EVENT_HEADER = "X-Liuhua-Event";
    public static final String TIMESTAMP_HEADER = "X-Liuhua-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Liuhua-Signature";
    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

    private final MongoTemplate mongo;
    private final MongoLease lease;
    private final CityCalendar calendar;
    private final WebhookProperties properties;
    private final HttpClient http;

    WebhookSender(MongoTemplate mongo, MongoLease lease, CityCalendar calendar, WebhookProperties properties) {
        this.mongo = mongo;
        this.lease = lease;
        this.calendar = calendar;
        this.properties = properties;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** One pass if this replica holds the lease; returns the attempts made (-1 when another replica delivers). */
    public int runOnce() {
        if (!lease.tryAcquire(LEASE, properties.leaseTtl())) {
            return -1;
        }
        return deliverDue();
    }

    int deliverDue() {
        Instant now = calendar.now();
        List<PendingDelivery> due = mongo.find(new Query(Criteria.where("nextAttemptAt").lte(now))
                .limit(properties.batchSize()), PendingDelivery.class, Webhooks.OUTBOX);
        int attempts = 0;
        for (PendingDelivery candidate : due) {
            PendingDelivery claimed = claim(candidate.id(), now);
            if (claimed != null) {
                attempt(claimed, now);
                attempts++;
            }
        }
        return attempts;
    }

    private PendingDelivery claim(String id, Instant now) {
        // still due (a pass that read it before another replica's failed attempt must not repeat that attempt) and
        // not claimed by an attempt in progress
        Query free = new Query(new Criteria().andOperator(Criteria.where("_id").is(id),
                Criteria.where("nextAttemptAt").lte(now),
                new Criteria().orOperator(Criteria.where("claimedUntil").is(null),
                        Criteria.where("claimedUntil").lt(now))));
        Instant until = now.plus(properties.timeout().multipliedBy(3));
        return mongo.findAndModify(free, new Update().set("claimedUntil", until),
                FindAndModifyOptions.options().returnNew(true), PendingDelivery.class, Webhooks.OUTBOX);
    }

    private void attempt(PendingDelivery d, Instant now) {
        int number = d.attempts() + 1;
        WebhookRegistration registration = mongo.findById(d.firmId(), WebhookRegistration.class,
                Webhooks.REGISTRATIONS);
        if (registration == null) {
            finish(d, number, now, null, "the webhook was removed", 0, "FAILED");
            return;
        }
        long started = System.nanoTime();
        Integer status = null;
        String error = null;
        try {
            URI uri = Endpoints.check(registration.url(), properties, "url");
            String timestamp = String.valueOf(now.getEpochSecond());
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(properties.timeout())
                    .header("Content-Type", "application/json")
                    .header(DELIVERY_HEADER, d.id())
                    .header(EVENT_HEADER, d.eventType())
                    .header(TIMESTAMP_HEADER, timestamp)
                    .header(SIGNATURE_HEADER, "sha256=" + sign(registration.secret(), timestamp, d.body()))
                    .POST(HttpRequest.BodyPublishers.ofString(d.body(), StandardCharsets.UTF_8)).build();
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status < 200 || status > 299) {
                error = "answered " + status;
            }
        } catch (InvalidInputException refused) {
            error = "endpoint refused: " + refused.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        } catch (Exception e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        long ms = Duration.ofNanos(System.nanoTime() - started).toMillis();
        if (error == null) {
            finish(d, number, now, status, null, ms, "DELIVERED");
        } else if (number >= properties.maxAttempts()) {
            finish(d, number, now, status, error, ms, "FAILED");
        } else {
            Instant next = now.plus(properties.retryAfter(number));
            log(d.id(), new Delivery.Attempt(number, now, status, error, ms), "PENDING", next, null);
            mongo.updateFirst(Query.query(Criteria.where("_id").is(d.id())), new Update().set("attempts", number)
                    .set("nextAttemptAt", next).set("claimedUntil", null), Webhooks.OUTBOX);
            log.info("webhook delivery {} attempt {} failed ({}); next at {}", d.id(), number, error, next);
        }
    }

    private void finish(PendingDelivery d, int number, Instant now, Integer status, String error, long ms,
                        String state) {
        log(d.id(), new Delivery.Attempt(number, now, status, error, ms), state, null,
                "DELIVERED".equals(state) ? now : null);
        mongo.remove(Query.query(Criteria.where("_id").is(d.id())), Webhooks.OUTBOX);
        if ("FAILED".equals(state)) {
            log.warn("webhook delivery {} given up after {} attempts: {}", d.id(), number, error);
        }
    }

    private void log(String id, Delivery.Attempt attempt, String state, Instant next, Instant deliveredAt) {
        Update update = new Update().push("attempts", attempt).set("state", state).set("nextAttemptAt", next);
        if (deliveredAt != null) {
            update.set("deliveredAt", deliveredAt);
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), update, Webhooks.DELIVERIES);
    }

    /** Hex HMAC-SHA256 of {@code timestamp + "." + body} with the firm's secret. */
    public static String sign(String secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
