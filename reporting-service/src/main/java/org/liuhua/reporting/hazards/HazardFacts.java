package org.liuhua.reporting.hazards;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.bson.Document;
import org.liuhua.events.Topics;
import org.liuhua.kit.time.CityCalendar;
import org.liuhua.reporting.hazards.domain.HazardChange;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.ComparisonOperators;
import org.springframework.data.mongodb.core.aggregation.ConditionalOperators;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The hazard facts read model ({@code hazard_facts}: one document per hazard, keyed by hazard id) and the city
 * figures computed from it. Every apply is a version-guarded upsert: a duplicate or stale event matches no document
 * with a lower revision, so the upsert's insert hits the unique id and is dropped. Replaying the topic from the start
 * rebuilds the same facts. Months are the city's ({@link CityCalendar}).
 */
@Component
public class HazardFacts {

    public static final String COLLECTION = "hazard_facts";
    static final String CLOSED = "CLOSED";

    /** What an event adds to the fields every hazard event sets. */
    public enum Kind { REPORTED, ENFORCED, CLOSED, ESCALATED, OTHER }

    private final MongoTemplate mongo;
    private final CityCalendar calendar;

    HazardFacts(MongoTemplate mongo, CityCalendar calendar) {
        this.mongo = mongo;
        this.calendar = calendar;
    }

    /**
     * Applies one hazard event.
     *
     * @return false when the stored fact is already as new or newer (a duplicate or a late event)
     */
    public boolean apply(Kind kind, String eventType, HazardChange c) {
        if (!c.isComplete()) {
            throw new IllegalArgumentException(eventType + " of hazard " + c.hazardId() + " lacks hazardId or state");
        }
        Update update = new Update()
                .set("establishmentId", c.establishmentId())
                .set("townId", c.townId())
                .set("category", c.category())
                .set("severity", c.severity())
                .set("source", c.source())
                .set("state", c.state())
                .set("revision", c.revision())
                .set("lastEvent", eventType.startsWith(Topics.HAZARD + ".")
                        ? eventType.substring(Topics.HAZARD.length() + 1) : eventType);
        setIfPresent(update, "departmentId", c.departmentId());
        setIfPresent(update, "deadline", c.deadline());
        setIfPresent(update, "overdue", c.overdue());
        setIfPresent(update, "updatedAt", c.occurredAt());
        switch (kind) {
            case REPORTED -> {
                setIfPresent(update, "reportedAt", c.reportedAtOrOccurred());
                if (c.reportedAtOrOccurred() != null) {
                    update.set("reportedMonth", calendar.monthKey(c.reportedAtOrOccurred()));
                }
            }
            case ENFORCED -> {
                setIfPresent(update, "enforcementKind", c.kind());
                setIfPresent(update, "caseNumber", c.caseNumber());
                setIfPresent(update, "penaltyAmountCny", c.penaltyAmountCny() == null ? null
                        : c.penaltyAmountCny().doubleValue());
            }
            case CLOSED -> {
                setIfPresent(update, "closedAt", c.closedAtOrOccurred());
                if (c.closedAtOrOccurred() != null) {
                    update.set("closedMonth", calendar.monthKey(c.closedAtOrOccurred()));
                }
            }
            case ESCALATED -> {
                if (c.level() != null) {
                    update.max("escalationLevel", c.level());
                }
            }
            case OTHER -> {
            }
        }
        return applyIfNewer(c.hazardId(), c.revision(), update);
    }

    private static void setIfPresent(Update update, String field, Object value) {
        if (value != null) {
            update.set(field, value);
        }
    }

    /** Applies the update when the stored revision is older than {@code revision} (or nothing is stored yet). */
    private boolean applyIfNewer(String hazardId, long revision, Update update) {
        Query olderOrAbsent = new Query(Criteria.where("_id").is(hazardId).and("revision").lt(revision));
        try {
            var result = mongo.upsert(olderOrAbsent, update, Document.class, COLLECTION);
            return result.getMatchedCount() > 0 || result.getUpsertedId() != null;
        } catch (DuplicateKeyException alreadyNewer) {
            return false;
        }
    }

    /** The city-wide headline figures. */
    public HazardFigures figures() {
        long total = mongo.count(new Query(), COLLECTION);
        long closed = mongo.count(new Query(Criteria.where("state").is(CLOSED)), COLLECTION);
        long overdue = mongo.count(new Query(Criteria.where("overdue").is(true).and("state").ne(CLOSED)), COLLECTION);
        long openMajor = mongo.count(new Query(Criteria.where("severity").is("MAJOR").and("state").ne(CLOSED)),
                COLLECTION);
        return new HazardFigures(total, total - closed, closed, rate(closed, total), overdue, openMajor,
                countBy("state"), countBy("source"), countBy("severity"));
    }

    /** Towns ranked by closure rate (then fewer overdue), in the asked order. */
    public List<TownFigures> towns(Sort order) {
        List<TownFigures> rows = new ArrayList<>();
        mongo.aggregate(Aggregation.newAggregation(
                        Aggregation.group("townId").count().as("total")
                                .sum(ConditionalOperators.when(ComparisonOperators.valueOf("state").equalToValue(CLOSED))
                                        .then(1).otherwise(0)).as("closed")
                                .sum(ConditionalOperators.when(Criteria.where("overdue").is(true)
                                        .and("state").ne(CLOSED)).then(1).otherwise(0)).as("overdue")
                                .sum(ConditionalOperators.when(Criteria.where("severity").is("MAJOR")
                                        .and("state").ne(CLOSED)).then(1).otherwise(0)).as("openMajor"),
                        Aggregation.sort(Sort.Direction.ASC, "_id")), COLLECTION, Document.class)
                .forEach(d -> {
                    long total = number(d, "total");
                    long closed = number(d, "closed");
                    rows.add(new TownFigures((String) d.get("_id"), total, closed, rate(closed, total),
                            number(d, "overdue"), number(d, "openMajor"), 0));
                });
        rows.sort(TownFigures.RANKING);
        List<TownFigures> ranked = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            ranked.add(rows.get(i).ranked(i + 1));
        }
        ranked.sort(TownFigures.comparator(order));
        return ranked;
    }

    /** Hazards reported and closed per city month, in the asked order (by month). */
    public List<MonthFigures> months(Sort order) {
        Map<String, long[]> counts = new TreeMap<>();
        countBy("reportedMonth").forEach((month, n) -> counts.computeIfAbsent(month, m -> new long[2])[0] = n);
        countBy("closedMonth").forEach((month, n) -> counts.computeIfAbsent(month, m -> new long[2])[1] = n);
        counts.remove("null");
        List<MonthFigures> rows = new ArrayList<>();
        counts.forEach((month, n) -> rows.add(new MonthFigures(month, n[0], n[1])));
        Sort.Order byMonth = order.getOrderFor("month");
        if (byMonth != null && byMonth.isDescending()) {
            rows.sort(Comparator.comparing(MonthFigures::month).reversed());
        }
        return rows;
    }

    private Map<String, Long> countBy(String field) {
        Map<String, Long> counts = new LinkedHashMap<>();
        mongo.aggregate(Aggregation.newAggregation(Aggregation.group(field).count().as("n"),
                        Aggregation.sort(Sort.Direction.ASC, "_id")), COLLECTION, Document.class)
                .forEach(d -> counts.put(String.valueOf(d.get("_id")), number(d, "n")));
        return counts;
    }

    private static long number(Document d, String field) {
        return ((Number) d.get(field)).longValue();
    }

    private static double rate(long closed, long total) {
        return total == 0 ? 0.0 : Math.round(closed * 10000.0 / total) / 10000.0;
    }
}
