package org.liuhua.hazard.webhook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.liuhua.hazard.access.AccessPolicy;
import org.liuhua.events.hazard.HazardSnapshot;
import org.liuhua.hazard.loop.HazardStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.liuhua.hazard.loop.domain.Corroboration;
import org.liuhua.hazard.loop.domain.Hazard;
import org.liuhua.kit.domain.InvalidInputException;
import org.liuhua.kit.domain.NotFoundException;
import org.liuhua.kit.outbox.EventJson;
import org.liuhua.kit.security.Caller;
import org.liuhua.kit.time.CityCalendar;
import org.liuhua.kit.web.PageQuery;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Outbound webhooks of third-party firms (H-7): a firm registers one endpoint with a secret; every state change of a
 * hazard holding one of its findings (its own or joined as a corroboration) becomes a delivery to it, which
 * {@link WebhookSender} signs and sends with retries; the firm reads its delivery log.
 *
 * <p>The deliveries are queued from the service's own published events (a consumer of {@code liuhua.hazard}), not in
 * the request that changed the hazard: the event commits with the hazard's write (its outbox), so a process dying
 * after the write still notifies the firm once the event is read. Each delivery is keyed by {@code <eventId>#<firmId>}:
 * a redelivered event queues nothing new.
 */
@Service
public class Webhooks {

    static final String REGISTRATIONS = "webhook_registrations";
    static final String DELIVERIES = "webhook_deliveries";
    static final String OUTBOX = "webhook_outbox";
    private static final Logger log = LoggerFactory.getLogger(Webhooks.class);
    /** The event types a firm is notified of (state changes of a hazard holding its finding). */
    public static final Set<String> NOTIFIED = Set.of(
            "liuhua.hazard.transferred.v1", "liuhua.hazard.acknowledged.v1", "liuhua.hazard.rectified.v1",
            "liuhua.hazard.reviewed.v1", "liuhua.hazard.enforced.v1", "liuhua.hazard.closed.v1",
            "liuhua.hazard.severity-raised.v1", "liuhua.hazard.transfer-refused.v1",
            "liuhua.hazard.transfer-rerouted.v1");

    private final MongoTemplate mongo;
    private final HazardStore store;
    private final CityCalendar calendar;
    private final WebhookProperties properties;

    Webhooks(MongoTemplate mongo, HazardStore store, CityCalendar calendar, WebhookProperties properties) {
        this.mongo = mongo;
        this.store = store;
        this.calendar = calendar;
        this.properties = properties;
    }

    /** What a firm sees of its registration (never the secret). */
    public record Registration(String firmId, String url, Instant registeredAt) {
    }

    /** A delivery as the log shows it. */
    public record LogEntry(String deliveryId, String eventType, String hazardId, String state, int attempts,
                           List<AttemptView> attemptLog, Instant createdAt, Instant nextAttemptAt,
                           Instant deliveredAt) {
    }

    public record AttemptView(int number, Instant at, Integer status, String error, long durationMs) {
    }

    /** Registers (or replaces) the caller's endpoint; only the firm itself (else 404). */
    public Registration register(String firmId, String url, String secret, Caller caller) {
        checkOwn(firmId, caller);
        Endpoints.check(url, properties, "url");
        if (secret == null || secret.length() < 16) {
            throw new InvalidInputException("secret", "at least 16 characters");
        }
        WebhookRegistration r = new WebhookRegistration(firmId, url, secret, caller.subject(), calendar.now());
        mongo.save(r, REGISTRATIONS);
        return view(r);
    }

    public Registration get(String firmId, Caller caller) {
        checkVisible(firmId, caller);
        return Optional.ofNullable(mongo.findById(firmId, WebhookRegistration.class, REGISTRATIONS)).map(Webhooks::view)
                .orElseThrow(() -> new NotFoundException("webhook", firmId));
    }

    public void remove(String firmId, Caller caller) {
        checkOwn(firmId, caller);
        if (mongo.remove(Query.query(Criteria.where("_id").is(firmId)), REGISTRATIONS).getDeletedCount() == 0) {
            throw new NotFoundException("webhook", firmId);
        }
    }

    /** The firm's deliveries, newest first. */
    public Page<LogEntry> log(String firmId, PageQuery page, Caller caller) {
        checkVisible(firmId, caller);
        Query query = new Query(Criteria.where("firmId").is(firmId));
        long total = mongo.count(query, DELIVERIES);
        List<LogEntry> items = mongo.find(Query.of(query).with(page.pageable()), Delivery.class, DELIVERIES).stream()
                .map(Webhooks::logEntry).toList();
        return new PageImpl<>(items, page.pageable(), total);
    }

    /**
     * A hazard event read back from the service's own topic ({@code liuhua.hazard}, see {@code
     * webhook.messaging.HazardEventsListener}): a state change a firm is notified of becomes one delivery per firm with
     * a webhook whose finding the hazard holds. The event was published only because its write committed, and the
     * topic keeps it until the consumer commits its offset, so no change is lost between the write and the queue.
     * The body describes the hazard as the event does (state and revision after the event).
     *
     * @return the deliveries queued (0 for a redelivered event: each delivery is keyed by event id and firm)
     */
    public int onEvent(String eventId, String eventType, HazardSnapshot event) {
        if (!NOTIFIED.contains(eventType)) {
            return 0;
        }
        // the registrations (one small document per firm) before the hazard, a large document: with no webhook
        // registered at all, as in most of a city's days, there is nothing to queue and nothing to read
        if (!mongo.exists(new Query(), REGISTRATIONS)) {
            return 0;
        }
        Hazard h = store.findById(event.hazardId()).orElse(null);
        if (h == null) {
            log.warn("hazard event {} names unknown hazard {}; no webhook delivery", eventId, event.hazardId());
            return 0;
        }
        return enqueue(h, eventId, eventType, event.state(), event.revision(), event.occurredAt());
    }

    /**
     * One delivery per firm with a registered webhook whose finding the hazard holds, keyed by
     * {@code <eventId>#<firmId>}, so the same event is never queued twice (the firms of a hazard only grow: a firm
     * whose finding joined later is not told of changes from before it joined, as the registration time bounds too).
     */
    int enqueue(Hazard h, String eventId, String eventType, String state, long revision, Instant occurredAt) {
        String hazardId = h.id();
        int queued = 0;
        for (String firm : firmsOf(h)) {
            WebhookRegistration registration = mongo.findById(firm, WebhookRegistration.class, REGISTRATIONS);
            if (registration == null || (occurredAt != null && registration.registeredAt() != null
                    && occurredAt.isBefore(registration.registeredAt()))) {
                continue; // no webhook, or a change from before it was registered (a consumer reading from the start)
            }
            String id = eventId + "#" + firm;
            Notification n = new Notification(id, eventType, firm, hazardId, state, revision, occurredAt,
                    h.establishmentId(), h.category(), h.severity().name(), externalIds(h, firm));
            String body = EventJson.write(n);
            Instant now = calendar.now();
            try {
                mongo.insert(new Delivery(id, firm, hazardId, eventType, eventId, body, "PENDING", List.of(), now,
                        now, null), DELIVERIES);
            } catch (DuplicateKeyException seen) {
                Delivery earlier = mongo.findById(id, Delivery.class, DELIVERIES);
                if (earlier == null || !"PENDING".equals(earlier.state()) || !earlier.attempts().isEmpty()) {
                    continue; // already delivered, given up or in the sender's hands
                }
                body = earlier.body(); // a redelivery after a crash between the two inserts: queue the first body
            }
            try {
                mongo.insert(new PendingDelivery(id, firm, body, eventType, 0, now, null), OUTBOX);
                queued++;
            } catch (DuplicateKeyException alreadyQueued) {
                // the first delivery of this event queued it
            }
        }
        return queued;
    }

    /** The notification body (JSON) a firm's endpoint receives. */
    record Notification(String deliveryId, String type, String firmId, String hazardId, String state, long revision,
                        Instant occurredAt, String establishmentId, String category, String severity,
                        List<String> externalIds) {
    }

    private static Set<String> firmsOf(Hazard h) {
        Set<String> firms = new LinkedHashSet<>();
        if (h.firmId() != null) {
            firms.add(h.firmId());
        }
        for (Corroboration c : h.corroborations()) {
            if (c.firmId() != null) {
                firms.add(c.firmId());
            }
        }
        return firms;
    }

    /** The firm's own references (external ids) of its findings on this hazard. */
    private static List<String> externalIds(Hazard h, String firm) {
        List<String> ids = new ArrayList<>();
        if (firm.equals(h.firmId()) && h.sourceRef() != null) {
            ids.add(h.sourceRef());
        }
        for (Corroboration c : h.corroborations()) {
            if (firm.equals(c.firmId()) && c.sourceRef() != null) {
                ids.add(c.sourceRef());
            }
        }
        return ids;
    }

    private static void checkOwn(String firmId, Caller caller) {
        if (!firmId.equals(AccessPolicy.firmOf(caller))) {
            throw new NotFoundException("firm", firmId);
        }
    }

    private static void checkVisible(String firmId, Caller caller) {
        if (!caller.cityWide() && !firmId.equals(AccessPolicy.firmOf(caller))) {
            throw new NotFoundException("firm", firmId);
        }
    }

    private static Registration view(WebhookRegistration r) {
        return new Registration(r.firmId(), r.url(), r.registeredAt());
    }

    private static LogEntry logEntry(Delivery d) {
        List<AttemptView> attempts = d.attempts() == null ? List.of() : d.attempts().stream()
                .map(a -> new AttemptView(a.number(), a.at(), a.status(), a.error(), a.durationMs())).toList();
        return new LogEntry(d.id(), d.eventType(), d.hazardId(), d.state(), attempts.size(), attempts, d.createdAt(),
                "PENDING".equals(d.state()) ? d.nextAttemptAt() : null, d.deliveredAt());
    }
}
