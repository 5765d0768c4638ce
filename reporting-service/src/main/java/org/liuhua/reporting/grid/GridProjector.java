package org.liuhua.reporting.grid;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.cloudevents.CloudEvent;
import org.bson.Document;
import org.liuhua.events.Topics;
import org.liuhua.events.grid.ClusterAssessed;
import org.liuhua.events.grid.ClusterChanged;
import org.liuhua.events.grid.EstablishmentChanged;
import org.liuhua.events.grid.EstablishmentRegistered;
import org.liuhua.events.grid.EstablishmentSnapshot;
import org.liuhua.events.grid.InspectorBound;
import org.liuhua.events.grid.InspectorUnbound;
import org.liuhua.events.grid.PatrolCompleted;
import org.liuhua.events.grid.PatrolUnitChanged;
import org.liuhua.kit.messaging.EventRouter;
import org.liuhua.kit.store.CollectionIndexes;
import org.liuhua.kit.time.CityCalendar;
import org.liuhua.reporting.projection.ProjectionSpace;
import org.liuhua.reporting.projection.Projector;
import org.liuhua.reporting.projection.TownMonths;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The grid's read models (topic {@code liuhua.grid}), every one keyed by {@code _id}:
 * <ul>
 * <li>{@code establishments}: the register, latest snapshot by {@code revision} (the events' key is the establishment,
 * so one partition — one writer — holds each: read by {@code _id}, compared, written by {@code _id});</li>
 * <li>{@code establishment_counts}: the denominators {@code city}, {@code town:<id>}, {@code industry:<code>},
 * {@code department:<id>} ({@code total}, {@code byKind}, {@code byIndustry}, {@code byTown}); an establishment
 * that changes town, kind or industry moves its contribution ({@link GuardedCounts}, ledger
 * {@code establishment_count_moves});</li>
 * <li>{@link TownMonths}' grid fields from {@code PatrolCompleted} (sets and maps, so a redelivery adds nothing);</li>
 * <li>{@code inspector_months} ({@code _id} = month): per inspector the patrols with proven visits and findings and
 * the establishments covered — the inspector ranking; {@code inspectors}: names from {@code InspectorBound};</li>
 * <li>{@code establishment_patrols} ({@code _id} = establishment:month): patrols that visited it;</li>
 * <li>{@code grid_staffing} ({@code _id} = town:id): key patrol units and inspector bindings (bound/unbound times
 * kept with {@code $max}, so order does not matter) — a KEY unit without a current full-time inspector is a gap;</li>
 * <li>{@code grid_clusters} ({@code _id} = town:id): each cluster's members, passing members and standardised flag
 * as of grid's latest word on it: a signed-off assessment ({@code ClusterAssessed}, as of its {@code signedOffAt},
 * else {@code assessedAt} for events from before sign-off) or a change of the cluster ({@code ClusterChanged}:
 * registered, a member added or removed, as of {@code changedAt}); each carries the cluster's resulting counts, so
 * the latest wins ({@code asOf}; documents stored before keep {@code assessedAt}). A cluster counts from its
 * registration, assessed or not.</li>
 * </ul>
 */
@Component
public class GridProjector implements Projector {

    public static final String ESTABLISHMENTS = "establishments";
    public static final String COUNTS = "establishment_counts";
    public static final String COUNT_MOVES = "establishment_count_moves";
    public static final String INSPECTOR_MONTHS = "inspector_months";
    public static final String INSPECTORS = "inspectors";
    public static final String ESTABLISHMENT_PATROLS = "establishment_patrols";
    /** Ledger of the patrols counted in town and inspector months (each patrol's counts applied once). */
    public static final String PATROL_MOVES = "patrol_count_moves";
    public static final String STAFFING = "grid_staffing";
    public static final String CLUSTERS = "grid_clusters";

    static final String UNKNOWN = "UNKNOWN";

    private final MongoTemplate mongo;
    private final CityCalendar calendar;

    GridProjector(MongoTemplate mongo, CityCalendar calendar) {
        this.mongo = mongo;
        this.calendar = calendar;
    }

    @Override
    public String name() {
        return "grid";
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.GRID);
    }

    @Override
    public List<CollectionIndexes> indexes() {
        return declaredIndexes();
    }

    /** The base collections it writes and their indexes (also read by the service's index test). */
    public static List<CollectionIndexes> declaredIndexes() {
        return List.of(ESTABLISHMENTS, COUNTS, COUNT_MOVES, INSPECTOR_MONTHS, INSPECTORS, ESTABLISHMENT_PATROLS,
                STAFFING, CLUSTERS, PATROL_MOVES).stream().map(c -> CollectionIndexes.of(c)).toList();
    }

    /** The events of one batch, sorted by what they feed. */
    private static final class Batch {
        final List<Keyed<EstablishmentSnapshot>> establishments = new ArrayList<>();
        final List<PatrolCompleted> patrols = new ArrayList<>();
        final List<InspectorBound> bound = new ArrayList<>();
        final List<InspectorUnbound> unbound = new ArrayList<>();
        final List<PatrolUnitChanged> units = new ArrayList<>();
        final List<ClusterState> clusters = new ArrayList<>();
    }

    /** A cluster as grid's event says it is after the event, and as of when. */
    private record ClusterState(String clusterId, String townId, int members, int passingMembers,
                                boolean standardised, Instant asOf) {

        static ClusterState of(ClusterAssessed a) {
            return new ClusterState(a.clusterId(), a.townId(), a.members(), a.passingMembers(),
                    a.clusterStandardised(), a.signedOffAt() != null ? a.signedOffAt() : a.assessedAt());
        }

        static ClusterState of(ClusterChanged c) {
            return new ClusterState(c.clusterId(), c.townId(), c.members(), c.passingMembers(),
                    c.clusterStandardised(), c.changedAt());
        }
    }

    private record Keyed<T>(T payload, String eventId) {
    }

    @Override
    public void apply(List<CloudEvent> events, ProjectionSpace space) {
        Batch batch = new Batch();
        EventRouter router = EventRouter.named("reporting-service/grid")
                .on(EstablishmentRegistered.class, EstablishmentSnapshot.class,
                        (s, e) -> batch.establishments.add(new Keyed<>(s, e.getId())))
                .on(EstablishmentChanged.class, EstablishmentSnapshot.class,
                        (s, e) -> batch.establishments.add(new Keyed<>(s, e.getId())))
                .on(PatrolCompleted.class, (PatrolCompleted p) -> batch.patrols.add(p))
                .on(InspectorBound.class, (InspectorBound p) -> batch.bound.add(p))
                .on(InspectorUnbound.class, (InspectorUnbound p) -> batch.unbound.add(p))
                .on(PatrolUnitChanged.class, (PatrolUnitChanged p) -> batch.units.add(p))
                .on(ClusterAssessed.class, (ClusterAssessed p) -> batch.clusters.add(ClusterState.of(p)))
                .on(ClusterChanged.class, (ClusterChanged p) -> batch.clusters.add(ClusterState.of(p)))
                .build();
        events.forEach(router::route);
        establishments(batch.establishments, space);
        patrols(batch.patrols, space);
        staffing(batch, space);
        clusters(batch.clusters, space);
    }

    // ---------------------------------------------------------------- the register and its denominators

    private void establishments(List<Keyed<EstablishmentSnapshot>> events, ProjectionSpace space) {
        if (events.isEmpty()) {
            return;
        }
        String register = space.collection(ESTABLISHMENTS);
        Map<String, Document> working = new HashMap<>();
        List<Object> ids = events.stream().map(k -> (Object) k.payload().establishmentId()).distinct().toList();
        mongo.find(Query.query(Criteria.where("_id").in(ids)), Document.class, register)
                .forEach(d -> working.put(d.getString("_id"), d));
        List<GuardedCounts.Move> moves = new ArrayList<>();
        Map<String, Document> changed = new LinkedHashMap<>();
        for (Keyed<EstablishmentSnapshot> keyed : events) {
            EstablishmentSnapshot s = keyed.payload();
            if (s.establishmentId() == null) {
                throw new IllegalArgumentException("event " + keyed.eventId() + " names no establishment");
            }
            Document current = working.get(s.establishmentId());
            long stored = current == null ? 0 : ((Number) current.getOrDefault("revision", 0L)).longValue();
            if (s.revision() <= stored) {
                continue;
            }
            Document next = registerDocument(s);
            moves.add(new GuardedCounts.Move(s.establishmentId() + "@" + s.revision(),
                    GuardedCounts.difference(contribution(current), contribution(next))));
            working.put(s.establishmentId(), next);
            changed.put(s.establishmentId(), next);
        }
        GuardedCounts.apply(mongo, space.collection(COUNT_MOVES), space.collection(COUNTS), moves);
        if (!changed.isEmpty()) {
            BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, register);
            changed.forEach((id, doc) -> {
                Update update = new Update();
                doc.forEach((k, v) -> {
                    if (!"_id".equals(k)) {
                        update.set(k, v);
                    }
                });
                bulk.upsert(Query.query(Criteria.where("_id").is(id)), update);
            });
            bulk.execute();
        }
    }

    private static Document registerDocument(EstablishmentSnapshot s) {
        return new Document("_id", s.establishmentId())
                .append("name", s.name())
                .append("kind", s.kind())
                .append("industry", s.industry())
                .append("departmentId", s.departmentId())
                .append("townId", s.townId())
                .append("villageId", s.villageId())
                .append("gridId", s.gridId())
                .append("unitId", s.unitId())
                .append("riskLevel", s.riskLevel())
                .append("flags", s.flags())
                .append("employeeCount", s.employeeCount())
                .append("address", s.address())
                .append("clusterId", s.clusterId())
                .append("landlordId", s.landlordId())
                .append("status", s.status())
                .append("changedAt", s.changedAt() == null ? null : Date.from(s.changedAt()))
                .append("revision", s.revision());
    }

    /**
     * Which counter fields an establishment adds to (nothing before it is known, nothing once it is closed: a closed
     * establishment stays in the register copy but no longer counts among the supervised ones).
     */
    static Map<String, List<String>> contribution(Document establishment) {
        if (establishment == null || EstablishmentSnapshot.CLOSED.equals(establishment.getString("status"))) {
            return Map.of();
        }
        String kind = "byKind." + key(establishment.getString("kind"));
        String industry = "byIndustry." + key(establishment.getString("industry"));
        String town = "byTown." + key(establishment.getString("townId"));
        Map<String, List<String>> fields = new LinkedHashMap<>();
        fields.put(Denominators.CITY, List.of("total", kind, industry, town));
        if (establishment.getString("townId") != null) {
            fields.put(Denominators.town(establishment.getString("townId")), List.of("total", kind, industry));
        }
        fields.put(Denominators.industry(establishment.getString("industry")), List.of("total", kind, town));
        if (establishment.getString("departmentId") != null) {
            fields.put(Denominators.department(establishment.getString("departmentId")),
                    List.of("total", kind, industry, town));
        }
        return fields;
    }

    /** A value usable as a field name (no dots, no leading dollar); null is {@code UNKNOWN}. */
    public static String key(String value) {
        if (value == null || value.isBlank()) {
            return UNKNOWN;
        }
        return value.replace('.', '_').replace('$', '_');
    }

    // ---------------------------------------------------------------- patrols

    private void patrols(List<PatrolCompleted> patrols, ProjectionSpace space) {
        if (patrols.isEmpty()) {
            return;
        }
        // one upsert per document of the batch: a month document that many of its patrols touch is written once
        MergedUpserts months = new MergedUpserts();
        MergedUpserts inspectors = new MergedUpserts();
        MergedUpserts visited = new MergedUpserts();
        List<GuardedCounts.Move> townCounts = new ArrayList<>();
        List<GuardedCounts.Move> inspectorCounts = new ArrayList<>();
        Set<PatrolCompleted> namingTown = namingTheirInspectorsTown(patrols, space);
        for (PatrolCompleted p : patrols) {
            if (p.patrolId() == null || p.townId() == null) {
                throw new IllegalArgumentException("a completed patrol without patrolId or townId");
            }
            Instant at = p.completedAt() != null ? p.completedAt() : p.startedAt();
            if (at == null) {
                throw new IllegalArgumentException("patrol " + p.patrolId() + " has no time");
            }
            String month = calendar.monthKey(at);
            String patrol = key(p.patrolId());
            List<String> proven = p.provenEstablishmentIds() == null ? List.of() : p.provenEstablishmentIds();
            List<String> unproven = p.unprovenEstablishmentIds() == null ? List.of() : p.unprovenEstablishmentIds();

            // what grows with the month's patrols is counted (once per patrol, guarded by the ledger), not kept
            // per patrol: a document rewritten on every patrol must not grow with them (benchmarks: the soak)
            String townMonth = TownMonths.id(p.townId(), month);
            months.set(townMonth, TownMonths.TOWN_ID, p.townId()).set(townMonth, TownMonths.MONTH, month);
            if (p.unitId() != null) {
                months.addToSet(townMonth, TownMonths.INSPECTION_GROUPS, List.of(p.unitId()));
            }
            if (!proven.isEmpty()) {
                months.addToSet(townMonth, TownMonths.INSPECTED_ESTABLISHMENTS, proven);
            }
            townCounts.add(new GuardedCounts.Move("town:" + p.patrolId(), Map.of(townMonth, counts(
                    TownMonths.PATROL_COUNT, 1, TownMonths.INSPECTION_VISIT_COUNT, proven.size()))));

            if (p.inspectorId() != null) {
                String at0 = "inspectors." + key(p.inspectorId());
                inspectors.set(month, "month", month).set(month, at0 + ".inspectorId", p.inspectorId());
                inspectorCounts.add(new GuardedCounts.Move("inspector:" + p.patrolId(), Map.of(month, counts(
                        at0 + "." + PATROL_COUNT, 1, at0 + "." + VISIT_COUNT, proven.size(),
                        at0 + "." + FINDING_COUNT, p.findings()))));
                if (!proven.isEmpty()) {
                    inspectors.addToSet(month, at0 + ".establishments", proven);
                }
                if (namingTown.contains(p)) {
                    inspectors.set(month, at0 + ".townId", p.townId()).set(month, at0 + ".townAt", Date.from(at));
                }
            }
            Set<String> all = new LinkedHashSet<>(proven);
            all.addAll(unproven);
            for (String est : all) {
                String id = est + ":" + month;
                visited.set(id, "establishmentId", est).set(id, "month", month)
                        .set(id, "patrols." + patrol, new Document("patrolId", p.patrolId())
                                .append("inspectorId", p.inspectorId())
                                .append("completedAt", Date.from(at))
                                .append("proven", proven.contains(est)));
            }
        }
        months.write(mongo, space.collection(TownMonths.COLLECTION));
        inspectors.write(mongo, space.collection(INSPECTOR_MONTHS));
        visited.write(mongo, space.collection(ESTABLISHMENT_PATROLS));
        GuardedCounts.apply(mongo, space.collection(PATROL_MOVES), space.collection(TownMonths.COLLECTION),
                townCounts);
        GuardedCounts.apply(mongo, space.collection(PATROL_MOVES), space.collection(INSPECTOR_MONTHS),
                inspectorCounts);
    }

    /** An inspector's patrols, proven visits and findings of the month, in {@code inspector_months}. */
    public static final String PATROL_COUNT = "patrolCount";
    public static final String VISIT_COUNT = "visitCount";
    public static final String FINDING_COUNT = "findingCount";

    /** Field → delta, in order, leaving out zeros. */
    private static Map<String, Integer> counts(Object... fieldsAndDeltas) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int i = 0; i < fieldsAndDeltas.length; i += 2) {
            int delta = (Integer) fieldsAndDeltas[i + 1];
            if (delta != 0) {
                counts.put((String) fieldsAndDeltas[i], delta);
            }
        }
        return counts;
    }

    /**
     * The patrols that name their inspector's town of the month: the latest one (by time) of each inspector and month,
     * unless a later one is stored already — an inspector who moved towns is ranked where they patrolled last, in
     * whatever order the patrols arrive.
     */
    private Set<PatrolCompleted> namingTheirInspectorsTown(List<PatrolCompleted> patrols, ProjectionSpace space) {
        Map<String, PatrolCompleted> latest = new LinkedHashMap<>();
        for (PatrolCompleted p : patrols) {
            Instant at = p.completedAt() != null ? p.completedAt() : p.startedAt();
            if (p.inspectorId() == null || at == null) {
                continue;
            }
            latest.merge(calendar.monthKey(at) + "/" + p.inspectorId(), p,
                    (a, b) -> timeOf(b).isBefore(timeOf(a)) ? a : b);
        }
        if (latest.isEmpty()) {
            return Set.of();
        }
        List<Object> months = latest.keySet().stream().map(k -> (Object) k.substring(0, k.indexOf('/'))).distinct()
                .toList();
        Map<String, Document> stored = new HashMap<>();
        mongo.find(Query.query(Criteria.where("_id").in(months)), Document.class, space.collection(INSPECTOR_MONTHS))
                .forEach(d -> stored.put(d.getString("_id"), d));
        Set<PatrolCompleted> naming = new java.util.HashSet<>();
        latest.forEach((k, p) -> {
            Document month = stored.get(k.substring(0, k.indexOf('/')));
            Document all = month == null ? null : month.get("inspectors", Document.class);
            Document inspector = all == null ? null : all.get(key(p.inspectorId()), Document.class);
            Date townAt = inspector == null ? null : inspector.getDate("townAt");
            if (townAt == null || !timeOf(p).isBefore(townAt.toInstant())) {
                naming.add(p);
            }
        });
        return naming;
    }

    private static Instant timeOf(PatrolCompleted p) {
        return p.completedAt() != null ? p.completedAt() : p.startedAt();
    }

    // ---------------------------------------------------------------- inspectors, key units (staffing gaps)

    private void staffing(Batch batch, ProjectionSpace space) {
        if (batch.bound.isEmpty() && batch.unbound.isEmpty() && batch.units.isEmpty()) {
            return;
        }
        BulkOperations staffing = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, space.collection(STAFFING));
        BulkOperations inspectors = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, space.collection(INSPECTORS));
        boolean anyInspector = false;
        int staffingWrites = 0;
        // a unit's latest revision wins, an inspector's latest binding names them: a late older event changes nothing
        Map<String, PatrolUnitChanged> latestUnits = new LinkedHashMap<>();
        for (PatrolUnitChanged u : batch.units) {
            if (u.unitId() == null || u.townId() == null) {
                throw new IllegalArgumentException("a patrol unit without unitId or townId");
            }
            latestUnits.merge(u.townId() + "/" + u.unitId(), u, (a, b) -> b.revision() >= a.revision() ? b : a);
        }
        Map<String, Document> storedTowns = new HashMap<>();
        if (!latestUnits.isEmpty()) {
            List<Object> towns = latestUnits.values().stream().map(u -> (Object) Denominators.town(u.townId()))
                    .distinct().toList();
            mongo.find(Query.query(Criteria.where("_id").in(towns)), Document.class, space.collection(STAFFING))
                    .forEach(d -> storedTowns.put(d.getString("_id"), d));
        }
        for (PatrolUnitChanged u : latestUnits.values()) {
            Document town = storedTowns.get(Denominators.town(u.townId()));
            Document units = town == null ? null : town.get("units", Document.class);
            Document current = units == null ? null : units.get(key(u.unitId()), Document.class);
            if (current != null && ((Number) current.getOrDefault("revision", 0L)).longValue() >= u.revision()) {
                continue;
            }
            staffing.upsert(Query.query(Criteria.where("_id").is(Denominators.town(u.townId()))),
                    new Update().set("townId", u.townId()).set("units." + key(u.unitId()),
                            new Document("unitId", u.unitId()).append("name", u.name()).append("kind", u.kind())
                                    .append("revision", u.revision())));
            staffingWrites++;
        }
        Map<String, InspectorBound> latestBindings = new LinkedHashMap<>();
        for (InspectorBound b : batch.bound) {
            if (b.inspectorId() == null || b.unitId() == null || b.townId() == null) {
                throw new IllegalArgumentException("an inspector binding without inspectorId, unitId or townId");
            }
            String at = "bindings." + key(b.unitId()) + "." + key(b.inspectorId());
            Update update = new Update().set("townId", b.townId()).set(at + ".inspectorId", b.inspectorId())
                    .set(at + ".employment", b.employment());
            if (b.boundAt() != null) {
                update.max(at + ".boundAt", Date.from(b.boundAt()));
            }
            staffing.upsert(Query.query(Criteria.where("_id").is(Denominators.town(b.townId()))), update);
            staffingWrites++;
            latestBindings.merge(b.inspectorId(), b, (x, y) -> boundAt(y).isBefore(boundAt(x)) ? x : y);
        }
        Map<String, Instant> storedBindings = new HashMap<>();
        if (!latestBindings.isEmpty()) {
            mongo.find(Query.query(Criteria.where("_id").in(List.copyOf(latestBindings.keySet()))), Document.class,
                    space.collection(INSPECTORS)).forEach(d -> storedBindings.put(d.getString("_id"),
                    d.getDate("boundAt") == null ? Instant.EPOCH : d.getDate("boundAt").toInstant()));
        }
        for (InspectorBound b : latestBindings.values()) {
            Instant stored = storedBindings.get(b.inspectorId());
            if (stored != null && boundAt(b).isBefore(stored)) {
                continue;
            }
            inspectors.upsert(Query.query(Criteria.where("_id").is(b.inspectorId())), new Update()
                    .set("name", b.name()).set("employment", b.employment()).set("townId", b.townId())
                    .set("boundAt", Date.from(boundAt(b))));
            anyInspector = true;
        }
        for (InspectorUnbound u : batch.unbound) {
            if (u.inspectorId() == null || u.unitId() == null || u.townId() == null) {
                throw new IllegalArgumentException("an inspector unbinding without inspectorId, unitId or townId");
            }
            String at = "bindings." + key(u.unitId()) + "." + key(u.inspectorId());
            Update update = new Update().set("townId", u.townId()).set(at + ".inspectorId", u.inspectorId());
            update.max(at + ".unboundAt", Date.from(u.unboundAt() == null ? Instant.EPOCH : u.unboundAt()));
            staffing.upsert(Query.query(Criteria.where("_id").is(Denominators.town(u.townId()))), update);
            staffingWrites++;
        }
        if (staffingWrites > 0) {
            staffing.execute();
        }
        if (anyInspector) {
            inspectors.execute();
        }
    }

    private static Instant boundAt(InspectorBound b) {
        return b.boundAt() == null ? Instant.EPOCH : b.boundAt();
    }

    // ---------------------------------------------------------------- clusters (双七十)

    private void clusters(List<ClusterState> states, ProjectionSpace space) {
        if (states.isEmpty()) {
            return;
        }
        Map<String, ClusterState> latest = new LinkedHashMap<>();
        for (ClusterState c : states) {
            if (c.clusterId() == null || c.townId() == null || c.asOf() == null) {
                throw new IllegalArgumentException("a cluster event without clusterId, townId or its time");
            }
            latest.merge(c.clusterId(), c, (x, y) -> y.asOf().isAfter(x.asOf()) ? y : x);
        }
        String collection = space.collection(CLUSTERS);
        List<Object> towns = latest.values().stream().map(c -> (Object) Denominators.town(c.townId())).distinct()
                .toList();
        Map<String, Document> stored = new HashMap<>();
        mongo.find(Query.query(Criteria.where("_id").in(towns)), Document.class, collection)
                .forEach(d -> stored.put(d.getString("_id"), d));
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
        int writes = 0;
        for (ClusterState c : latest.values()) {
            String town = Denominators.town(c.townId());
            Document clusters = stored.containsKey(town) ? stored.get(town).get("clusters", Document.class) : null;
            Document current = clusters == null ? null : clusters.get(key(c.clusterId()), Document.class);
            Date currentAsOf = current == null ? null
                    : current.getDate("asOf") != null ? current.getDate("asOf") : current.getDate("assessedAt");
            if (currentAsOf != null && !currentAsOf.toInstant().isBefore(c.asOf())) {
                continue;
            }
            bulk.upsert(Query.query(Criteria.where("_id").is(town)), new Update().set("townId", c.townId())
                    .set("clusters." + key(c.clusterId()), new Document("clusterId", c.clusterId())
                            .append("members", c.members()).append("passingMembers", c.passingMembers())
                            .append("standardised", c.standardised())
                            .append("asOf", Date.from(c.asOf()))));
            writes++;
        }
        if (writes > 0) {
            bulk.execute();
        }
    }
}
