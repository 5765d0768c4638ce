package org.liuhua.hazard.webhook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.liuhua.hazard.access.AccessPolicy;
import org.liuhua.hazard.loop.HazardChanged;
import org.liuhua.hazard.loop.domain.HistoryEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import java.util.Map;
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
 * <p>The deliveries are queued when the command's write has committed ({@link HazardChanged}, in the same request):
 * two writes, not one. A process that dies between them loses that change's notification (the firm still reads the
 * hazard); reading the published events instead would close that gap (a consumer of {@code liuhua.hazard}).
 */
@Service
public class Webhooks {

    static final String REGISTRATIONS = "webhook_registrations";
    static final String DELIVERIES = "webhook_deliveries";
    static final String OUTBOX = "webhook_outbox";
    private static final Logger log = LoggerFactory.getLogger(Webhooks.class);
    /** The commands a firm is notified of, with the type of the event each one publishes. */
    private static final Map<String, String> NOTIFIED = Map.of(
            "transfer", "liuhua.hazard.transferred.v1",
            "acknowledge", "liuhua.hazard.acknowledged.v1",
            "rectify", "liuhua.hazard.rectified.v1",
            "review", "liuhua.hazard.reviewed.v1",
            "enforce", "liuhua.hazard.enforced.v1",
            "close", "liuhua.hazard.closed.v1",
            "raise-severity", "liuhua.hazard.severity-raised.v1",
            "refuse-transfer", "liuhua.hazard.transfer-refused.v1",
            "reroute-transfer", "liuhua.hazard.transfer-rerouted.v1");

    private final MongoTemplate mongo;
    private final CityCalendar calendar;
    private final WebhookProperties properties;

    Webhooks(MongoTemplate mongo, CityCalendar calendar, WebhookProperties properties) {
        this.mongo = mongo;
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
        Endpoints.check(url, properties.allowHttpLoopback(), "url");
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
     * A command changed a hazard (its write committed): a state change a firm is notified of becomes its deliveries.
     * A failure here is logged, never the command's: the hazard's change stands.
     */
    @EventListener
    void on(HazardChanged changed) {
        Hazard h = changed.hazard();
        List<HistoryEntry> history = h.history();
        if (history.isEmpty() || (h.firmId() == null && h.corroborations().stream().allMatch(c -> c.firmId() == null))) {
            return;
        }
        HistoryEntry last = history.get(history.size() - 1);
        String type = NOTIFIED.get(last.command());
        if (type == null) {
            return;
        }
        try {
            enqueue(h, h.id() + ":" + h.revision(), type, h.state().name(), h.revision(), last.at());
        } catch (RuntimeException e) {
            log.error("webhook deliveries of hazard {} revision {} not queued", h.id(), h.revision(), e);
        }
    }

    /**
     * One delivery per firm with a registered webhook whose finding the hazard holds, keyed by firm and
     * {@code eventId} (the hazard id and its revision), so the same change is never queued twice.
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
            String id = firm + ":" + eventId;
            Notification n = new Notification(id, eventType, firm, hazardId, state, revision, occurredAt,
                    h.establishmentId(), h.category(), h.severity().name(), externalIds(h, firm));
            String body = EventJson.write(n);
            Instant now = calendar.now();
            try {
                mongo.insert(new Delivery(id, firm, hazardId, eventType, eventId, body, "PENDING", List.of(), now,
                        now, null), DELIVERIES);
            } catch (DuplicateKeyException seen) {
                Delivery earlier = mongo.findById(id, Delivery.class, DELIVERIES);
                if (earlier == null || !"PENDING".equals(earlier.state())) {
                    continue; // already delivered or given up
                }
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
