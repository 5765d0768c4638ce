package org.liuhua.grid.plan;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.bson.Document;
import org.liuhua.grid.patrol.PatrolRecorded;
import org.liuhua.grid.patrol.Patrols;
import org.liuhua.grid.patrol.domain.CheckIn;
import org.liuhua.grid.patrol.domain.Finding;
import org.liuhua.grid.patrol.domain.Patrol;
import org.liuhua.kit.time.CityCalendar;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * The assessment's read model (G-6): one document per inspector and month of the city, {@code _id =
 * <inspectorId>#<yyyy-MM>}, holding sets — {@code covered} (establishments visited with proof, by check-in device
 * time), {@code completed} (patrols completed, by start), {@code findings} (finding keys {@code <patrolId>:<findingId>}
 * recorded and not withdrawn, by finding device time), {@code hazards} (of those, the ones that became a hazard or
 * joined an existing one, from hazard-service's reported / corroborated events) and {@code closed} (the ones whose
 * hazard was closed). Kept from patrol writes ({@link PatrolRecorded}) and hazard events with {@code $addToSet} /
 * {@code $pull} upserts, so any redelivery or re-sync changes nothing; the assessment reads it by {@code _id}.
 */
@Service
public class InspectorMonths {

    private final MongoTemplate mongo;
    private final Patrols patrols;
    private final CityCalendar calendar;

    InspectorMonths(MongoTemplate mongo, Patrols patrols, CityCalendar calendar) {
        this.mongo = mongo;
        this.patrols = patrols;
        this.calendar = calendar;
    }

    /** The sets of an inspector's month (empty when nothing was recorded). */
    public record Month(List<String> covered, List<String> completed, List<String> findings, List<String> hazards,
                       List<String> closed) {
        static final Month EMPTY = new Month(List.of(), List.of(), List.of(), List.of(), List.of());
    }

    static String id(String inspectorId, String month) {
        return inspectorId + "#" + month;
    }

    @EventListener
    void recorded(PatrolRecorded recorded) {
        Patrol p = recorded.patrol();
        Map<String, Map<String, Set<String>>> adds = new TreeMap<>();
        Map<String, Set<String>> withdrawn = new TreeMap<>();
        if (p.completedAt() != null) {
            add(adds, p.startedAt(), "completed", p.id());
        }
        for (CheckIn c : p.checkIns()) {
            if (c.proven()) {
                add(adds, c.deviceTime(), "covered", c.establishmentId());
            }
        }
        for (Finding f : p.findings()) {
            String key = Patrol.findingKey(p.id(), f.findingId());
            if (f.withdrawn()) {
                withdrawn.computeIfAbsent(calendar.monthKey(f.deviceTime()), m -> new TreeSet<>()).add(key);
            } else {
                add(adds, f.deviceTime(), "findings", key);
            }
        }
        adds.forEach((month, fields) -> {
            Update update = new Update();
            fields.forEach((field, values) -> update.addToSet(field).each(values.toArray()));
            mongo.upsert(byId(id(p.inspectorId(), month)), update, PlanStorage.INSPECTOR_MONTHS);
        });
        withdrawn.forEach((month, keys) -> mongo.updateFirst(byId(id(p.inspectorId(), month)),
                new Update().pullAll("findings", keys.toArray()), PlanStorage.INSPECTOR_MONTHS));
    }

    /**
     * A finding (its key) became a hazard or joined one; closed when that hazard is already closed. A finding
     * withdrawn before grid learnt this is not counted (hazard-service voids or annotates that hazard).
     */
    void hazard(String findingKey, boolean closed) {
        locate(findingKey).ifPresent(id -> {
            Update update = new Update().addToSet("hazards", findingKey);
            if (closed) {
                update.addToSet("closed", findingKey);
            }
            mongo.upsert(byId(id), update, PlanStorage.INSPECTOR_MONTHS);
        });
    }

    /** The document of the finding's inspector and month, found by the patrol's {@code _id}; none if withdrawn. */
    private Optional<String> locate(String findingKey) {
        int colon = findingKey.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        String findingId = findingKey.substring(colon + 1);
        return patrols.find(findingKey.substring(0, colon)).flatMap(p -> p.findings().stream()
                .filter(f -> f.findingId().equals(findingId) && !f.withdrawn()).findFirst()
                .map(f -> id(p.inspectorId(), calendar.monthKey(f.deviceTime()))));
    }

    /** The months of these inspectors, by inspector id. */
    public Map<String, Month> of(Collection<String> inspectorIds, String month) {
        Map<String, Month> months = new HashMap<>();
        if (inspectorIds.isEmpty()) {
            return months;
        }
        List<String> ids = inspectorIds.stream().map(i -> id(i, month)).toList();
        for (Document d : mongo.find(new Query(Criteria.where("_id").in(ids)), Document.class,
                PlanStorage.INSPECTOR_MONTHS)) {
            String id = d.getString("_id");
            months.put(id.substring(0, id.lastIndexOf('#')), new Month(list(d, "covered"), list(d, "completed"),
                    list(d, "findings"), list(d, "hazards"), list(d, "closed")));
        }
        return months;
    }

    private void add(Map<String, Map<String, Set<String>>> adds, Instant at, String field, String value) {
        adds.computeIfAbsent(calendar.monthKey(at), m -> new TreeMap<>())
                .computeIfAbsent(field, f -> new TreeSet<>()).add(value);
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(Document d, String field) {
        Object value = d.get(field);
        return value instanceof List<?> l ? List.copyOf((List<String>) l) : List.of();
    }

    private static Query byId(String id) {
        return new Query(Criteria.where("_id").is(id));
    }
}
