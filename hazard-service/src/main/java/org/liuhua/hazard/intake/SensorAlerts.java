package org.liuhua.hazard.intake;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.liuhua.hazard.HazardProperties;
import org.liuhua.hazard.access.AccessPolicy;
import org.liuhua.hazard.loop.Actors;
import org.liuhua.hazard.loop.domain.Finding;
import org.liuhua.hazard.loop.domain.HazardSource;
import org.liuhua.hazard.loop.domain.Severity;
import org.liuhua.kit.domain.FieldProblem;
import org.liuhua.kit.domain.InvalidInputException;
import org.liuhua.kit.security.Caller;
import org.liuhua.kit.time.CityCalendar;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Alerts pushed by monitoring systems (H-2: IoT sensors, AI video analysis), one client per system: each alert is
 * checked on its own (a bad item is REJECTED with field errors, the good ones are kept) and entered into the one ledger
 * as a finding of source SENSOR. The system's own alert id identifies it: {@code sensor_alerts} keeps, by
 * {@code <system>:<alertId>} ({@code _id}, so a retried push is one lookup), the hazard each alert went into, and a
 * retried alert answers DUPLICATE with that hazard — never a second ticket. The hazard's id derives from
 * {@code SENSOR:<system>:<alertId>} too, so a crash between the hazard and the alert record still ends in one hazard.
 */
@Service
public class SensorAlerts {

    /** The hazard each system's alert went into, by {@code <system>:<alertId>}. */
    static final String ALERTS = "sensor_alerts";
    /** What kind of system raised the alert: the hazard's channel within source SENSOR. */
    static final Set<String> KINDS = Set.of("IOT_SENSOR", "AI_VIDEO");

    private final Intake intake;
    private final MongoTemplate mongo;
    private final HazardProperties properties;
    private final CityCalendar calendar;

    SensorAlerts(Intake intake, MongoTemplate mongo, HazardProperties properties, CityCalendar calendar) {
        this.intake = intake;
        this.mongo = mongo;
        this.properties = properties;
        this.calendar = calendar;
    }

    public record ItemResult(int index, String alertId, String status, String hazardId, List<FieldProblem> errors) {
    }

    public record BatchResult(String systemId, int received, long created, long joined, long duplicates,
                              long rejected, List<ItemResult> items) {
    }

    public BatchResult push(Caller caller, List<?> items) {
        String system = AccessPolicy.systemOf(caller);
        if (items == null) {
            throw new InvalidInputException("alerts", "a list of alerts is required");
        }
        if (items.size() > properties.intakeBatchMax()) {
            throw new InvalidInputException("alerts", "at most " + properties.intakeBatchMax()
                    + " alerts per batch, got " + items.size());
        }
        Instant now = calendar.now();
        ItemResult[] results = new ItemResult[items.size()];
        Map<String, Integer> firstIndexOfKey = new HashMap<>();
        Map<Integer, Finding> accepted = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            Object raw = items.get(i);
            List<FieldProblem> errors = new ArrayList<>();
            Map<?, ?> item = raw instanceof Map<?, ?> m ? m : Map.of();
            if (!(raw instanceof Map<?, ?>)) {
                errors.add(new FieldProblem("alerts[" + i + "]", "must be an object"));
            }
            String alertId = text(item, "alertId", 128, true, i, errors);
            String establishmentId = text(item, "establishmentId", 64, true, i, errors);
            String category = text(item, "category", 64, true, i, errors);
            String description = text(item, "description", 2000, true, i, errors);
            String townId = text(item, "townId", 64, false, i, errors);
            String kind = text(item, "kind", 16, false, i, errors);
            if (kind != null && !KINDS.contains(kind)) {
                errors.add(new FieldProblem("alerts[" + i + "].kind", "IOT_SENSOR or AI_VIDEO"));
            }
            String severityText = text(item, "severity", 16, false, i, errors);
            Severity severity = Severity.GENERAL;
            if (severityText != null) {
                try {
                    severity = Severity.valueOf(severityText);
                } catch (IllegalArgumentException e) {
                    errors.add(new FieldProblem("alerts[" + i + "].severity", "GENERAL or MAJOR"));
                }
            }
            Instant detectedAt = null;
            String detectedText = text(item, "detectedAt", 40, false, i, errors);
            if (detectedText != null) {
                try {
                    detectedAt = Instant.parse(detectedText);
                    if (detectedAt.isAfter(now.plus(Duration.ofMinutes(5)))) {
                        errors.add(new FieldProblem("alerts[" + i + "].detectedAt", "lies in the future"));
                    }
                } catch (DateTimeParseException e) {
                    errors.add(new FieldProblem("alerts[" + i + "].detectedAt", "an ISO-8601 instant, e.g. "
                            + "2026-11-20T08:30:00Z"));
                }
            }
            Site site = establishmentId == null ? null : intake.site(establishmentId, townId);
            if (site != null && site.contradicts(townId)) {
                errors.add(new FieldProblem("alerts[" + i + "].townId", "establishment " + establishmentId
                        + " is in town " + site.townId()));
            }
            if (site != null && !site.known() && townId == null && errors.isEmpty()) {
                errors.add(new FieldProblem("alerts[" + i + "].townId",
                        "the establishment is not known here yet: give its townId"));
            }
            if (site != null && !site.known() && townId != null && !properties.towns().contains(townId)) {
                errors.add(new FieldProblem("alerts[" + i + "].townId", "not a town of this city: " + townId));
            }
            if (!errors.isEmpty()) {
                results[i] = new ItemResult(i, alertId, "REJECTED", null, errors);
                continue;
            }
            String key = system + ":" + alertId;
            Integer earlier = firstIndexOfKey.putIfAbsent(key, i);
            if (earlier != null) {
                // the same alert twice in one push: the second answers what the first became (filled in below)
                results[i] = new ItemResult(i, alertId, "DUPLICATE", null, List.of());
                continue;
            }
            accepted.put(i, site.finding(category, severity, HazardSource.SENSOR, alertId, "SENSOR:" + key, null,
                    description, null, detectedAt == null ? now : detectedAt, kind == null ? "IOT_SENSOR" : kind));
        }
        Map<String, String> recorded = recorded(system, accepted.values());
        List<Finding> fresh = new ArrayList<>();
        List<Integer> freshIndex = new ArrayList<>();
        accepted.forEach((i, f) -> {
            String hazardId = recorded.get(system + ":" + f.sourceRef());
            if (hazardId != null) {
                results[i] = new ItemResult(i, f.sourceRef(), "DUPLICATE", hazardId, List.of());
            } else {
                fresh.add(f);
                freshIndex.add(i);
            }
        });
        List<Outcome> outcomes = intake.ingestAll(fresh, Actors.of(caller));
        for (int k = 0; k < outcomes.size(); k++) {
            Outcome o = outcomes.get(k);
            Finding f = fresh.get(k);
            int i = freshIndex.get(k);
            results[i] = new ItemResult(i, f.sourceRef(), o.kind().name(), o.hazardId(), List.of());
            record(system + ":" + f.sourceRef(), o, f, now);
        }
        for (int i = 0; i < results.length; i++) {
            if (results[i].status().equals("DUPLICATE") && results[i].hazardId() == null) {
                ItemResult first = results[firstIndexOfKey.get(system + ":" + results[i].alertId())];
                results[i] = new ItemResult(i, results[i].alertId(), "DUPLICATE", first.hazardId(), List.of());
            }
        }
        List<ItemResult> all = List.of(results);
        return new BatchResult(system, items.size(), count(all, "CREATED"), count(all, "JOINED"),
                count(all, "DUPLICATE"), count(all, "REJECTED"), all);
    }

    /** The alerts of this push the system sent before, with the hazard each went into (one lookup by {@code _id}). */
    private Map<String, String> recorded(String system, java.util.Collection<Finding> findings) {
        List<String> ids = findings.stream().map(f -> system + ":" + f.sourceRef()).toList();
        Map<String, String> recorded = new HashMap<>();
        if (!ids.isEmpty()) {
            mongo.find(new Query(Criteria.where("_id").in(ids)), Document.class, ALERTS)
                    .forEach(d -> recorded.put(d.getString("_id"), d.getString("hazardId")));
        }
        return recorded;
    }

    private void record(String id, Outcome o, Finding f, Instant now) {
        try {
            mongo.insert(new Document("_id", id).append("hazardId", o.hazardId()).append("outcome", o.kind().name())
                    .append("establishmentId", f.establishmentId()).append("kind", f.channel())
                    .append("receivedAt", Date.from(now)), ALERTS);
        } catch (DuplicateKeyException concurrentPush) {
            // the same alert pushed twice at once: the first record stands, both name the same hazard
        }
    }

    private static long count(List<ItemResult> all, String status) {
        return all.stream().filter(r -> r.status().equals(status)).count();
    }

    private static String text(Map<?, ?> item, String field, int max, boolean required, int index,
                               List<FieldProblem> errors) {
        return BatchItemFields.text(item, "alerts", field, max, required, index, errors);
    }
}
