package org.liuhua.reporting.hazards;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import io.cloudevents.CloudEvent;
import org.bson.Document;
import org.liuhua.events.EventTypes;
import org.liuhua.events.Topics;
import org.liuhua.events.hazard.HazardAcknowledged;
import org.liuhua.events.hazard.HazardClosed;
import org.liuhua.events.hazard.HazardCorroborated;
import org.liuhua.events.hazard.HazardEnforced;
import org.liuhua.events.hazard.HazardEscalated;
import org.liuhua.events.hazard.HazardEvidenceAdded;
import org.liuhua.events.hazard.HazardOverdue;
import org.liuhua.events.hazard.HazardRectified;
import org.liuhua.events.hazard.HazardReported;
import org.liuhua.events.hazard.HazardReviewed;
import org.liuhua.events.hazard.HazardSignedOff;
import org.liuhua.events.hazard.HazardSupervisionOrdered;
import org.liuhua.events.hazard.HazardTransferred;
import org.liuhua.kit.messaging.TraceRecordInterceptor;
import org.liuhua.kit.outbox.EventJson;
import org.liuhua.kit.store.CollectionIndexes;
import org.liuhua.kit.time.CityCalendar;
import org.liuhua.reporting.hazards.domain.Contributions;
import org.liuhua.reporting.hazards.domain.Counters;
import org.liuhua.reporting.hazards.domain.Counters.Target;
import org.liuhua.reporting.hazards.domain.HazardChange;
import org.liuhua.reporting.hazards.domain.HazardFact;
import org.liuhua.reporting.hazards.domain.Milestone;
import org.liuhua.reporting.projection.ProjectionSpace;
import org.liuhua.reporting.projection.Projector;
import org.liuhua.reporting.projection.Reconcilable;
import org.liuhua.reporting.projection.TownMonths;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The hazard facts and every hazard figure, from the hazard topic (R-1). A batch is applied in five bulk steps: load
 * the batch's facts by {@code _id $in}; fold the events into them in memory (the revision guards the state,
 * milestones take {@code $min}/{@code $max}); write the changed facts, their attention-list rows
 * ({@link AttentionRows}) and the transitions; then
 * one {@code $inc} per counter document by the difference between the facts' contributions before and after
 * ({@link Contributions}). A redelivered or stale event changes no fact, so it moves no counter. A crash between the
 * fact write and the counter write is healed by {@link #reconcile}, which recomputes every counter from the facts
 * (at start-up, on demand, and when a rebuild switches).
 */
@Component
public class HazardProjector implements Projector, Reconcilable {

    public static final String FACTS = "hazard_facts";
    public static final String TRANSITIONS = "hazard_transitions";
    public static final String ATTENTION = "attention_lists";
    public static final String FIGURES = Target.FIGURES.collection;
    public static final String MONTHS = Target.MONTHS.collection;
    public static final String DAYS = Target.DAYS.collection;

    private static final Logger log = LoggerFactory.getLogger(HazardProjector.class);
    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);
    private static final String TYPE_PREFIX = Topics.HAZARD + ".";

    /** The hazard's own fields in the shared town-month document. */
    private static final Map<String, String> TOWN_MONTH_FIELDS = Map.of(
            Contributions.REPORTED, TownMonths.HAZARDS_REPORTED,
            Contributions.SELF_CHECK_REPORTED, TownMonths.HAZARDS_SELF_CHECK_REPORTED,
            Contributions.SELF_CHECK_RECTIFIED, TownMonths.HAZARDS_SELF_CHECK_RECTIFIED,
            Contributions.SUPERVISION_FOUND, TownMonths.HAZARDS_SUPERVISION_FOUND,
            Contributions.CLOSED, TownMonths.HAZARDS_CLOSED,
            Contributions.CASES_FILED, TownMonths.HAZARDS_CASES_FILED,
            Contributions.OVERDUE_STARTED, "hazards.overdueStarted",
            Contributions.OVERDUE_ENDED, "hazards.overdueEnded");

    private final MongoTemplate mongo;
    private final CityCalendar calendar;
    private final Map<String, Milestone> milestones;

    HazardProjector(MongoTemplate mongo, CityCalendar calendar) {
        this.mongo = mongo;
        this.calendar = calendar;
        Map<String, Milestone> m = new HashMap<>();
        m.put(EventTypes.typeOf(HazardReported.class), Milestone.REPORTED);
        m.put(EventTypes.typeOf(HazardTransferred.class), Milestone.TRANSFERRED);
        m.put(EventTypes.typeOf(HazardAcknowledged.class), Milestone.ACKNOWLEDGED);
        m.put(EventTypes.typeOf(HazardRectified.class), Milestone.RECTIFIED);
        m.put(EventTypes.typeOf(HazardReviewed.class), Milestone.REVIEWED);
        m.put(EventTypes.typeOf(HazardEnforced.class), Milestone.ENFORCED);
        m.put(EventTypes.typeOf(HazardOverdue.class), Milestone.OVERDUE);
        m.put(EventTypes.typeOf(HazardEscalated.class), Milestone.ESCALATED);
        m.put(EventTypes.typeOf(HazardClosed.class), Milestone.CLOSED);
        m.put(EventTypes.typeOf(HazardCorroborated.class), Milestone.OTHER);
        m.put(EventTypes.typeOf(HazardEvidenceAdded.class), Milestone.OTHER);
        m.put(EventTypes.typeOf(HazardSupervisionOrdered.class), Milestone.OTHER);
        m.put(EventTypes.typeOf(HazardSignedOff.class), Milestone.OTHER);
        // a withdrawn patrol finding: the snapshot says VOIDED when it voided the hazard (then it counts nowhere)
        m.put(EventTypes.typeOf(org.liuhua.events.hazard.HazardFindingWithdrawn.class), Milestone.OTHER);
        // raised: the snapshot moves it onto the major register; refused: back to its town; re-routed: a new transfer
        m.put(EventTypes.typeOf(org.liuhua.events.hazard.HazardSeverityRaised.class), Milestone.OTHER);
        m.put(EventTypes.typeOf(org.liuhua.events.hazard.HazardTransferRefused.class), Milestone.TRANSFER_REFUSED);
        m.put(EventTypes.typeOf(org.liuhua.events.hazard.HazardTransferRerouted.class), Milestone.TRANSFERRED);
        this.milestones = Map.copyOf(m);
    }

    @Override
    public String name() {
        return "hazards";
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.HAZARD);
    }

    /** The event types it reads (a test holds them against event-contracts). */
    public Set<String> types() {
        return milestones.keySet();
    }

    /** Every collection is read by {@code _id} only (or whole, by the reconciliation): no secondary index. */
    @Override
    public List<CollectionIndexes> indexes() {
        return declaredIndexes();
    }

    /** The collections it writes (base names); none needs an index beyond {@code _id}. */
    public static List<CollectionIndexes> declaredIndexes() {
        return List.of(CollectionIndexes.of(FACTS), CollectionIndexes.of(TRANSITIONS),
                CollectionIndexes.of(ATTENTION), CollectionIndexes.of(FIGURES), CollectionIndexes.of(MONTHS),
                CollectionIndexes.of(DAYS), CollectionIndexes.of(TownMonths.COLLECTION));
    }

    private record Read(CloudEvent event, Milestone milestone, HazardChange change) {
    }

    /** Spaces where a batch failed after some of its writes: their counters are recomputed before the next batch. */
    private final Set<ProjectionSpace> halfApplied = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * Applies a batch. A batch that fails part-way (the store went away between the fact and the counter writes) may
     * have stored facts whose counters were not moved; applied again, those facts look unchanged and would never be
     * counted. So a failure marks the space, and the next batch first recomputes its counters from the facts
     * ({@link #reconcile}) — nothing is lost and nothing counted twice, without waiting for a restart.
     */
    @Override
    public void apply(List<CloudEvent> batch, ProjectionSpace space) {
        if (halfApplied.contains(space)) {
            reconcile(space);
            halfApplied.remove(space);
        }
        try {
            applyBatch(batch, space);
        } catch (RuntimeException e) {
            halfApplied.add(space);
            throw e;
        }
    }

    private void applyBatch(List<CloudEvent> batch, ProjectionSpace space) {
        List<Read> reads = new ArrayList<>();
        for (CloudEvent event : batch) {
            Milestone milestone = milestones.get(event.getType());
            if (milestone == null) {
                continue;
            }
            HazardChange change = EventJson.read(event, HazardChange.class);
            if (change == null || !change.isComplete()) {
                throw new IllegalArgumentException(event.getType() + " " + event.getId()
                        + " lacks hazardId or state");
            }
            reads.add(new Read(event, milestone, change));
        }
        if (reads.isEmpty()) {
            return;
        }
        Set<String> ids = new HashSet<>();
        reads.forEach(r -> ids.add(r.change().hazardId()));
        Map<String, Document> stored = new HashMap<>();
        mongo.getCollection(space.collection(FACTS)).find(Filters.in("_id", ids))
                .forEach(d -> stored.put(d.getString("_id"), d));

        Map<String, HazardFact> facts = new LinkedHashMap<>();
        Map<String, Set<String>> listedBefore = new HashMap<>();
        Counters diff = new Counters();
        for (String id : ids) {
            Document d = stored.get(id);
            HazardFact fact = d == null ? new HazardFact(id) : HazardDocuments.read(d);
            facts.put(id, fact);
            diff.add(Contributions.of(d == null ? null : fact, calendar), -1);
            listedBefore.put(id, d == null ? Set.of() : AttentionRows.of(fact, calendar).keySet());
        }
        List<WriteModel<Document>> transitions = new ArrayList<>();
        for (Read r : reads) {
            HazardFact fact = facts.get(r.change().hazardId());
            fact.apply(r.milestone(), shortType(r.event().getType()), r.change());
            transitions.add(transition(r));
        }
        List<WriteModel<Document>> factWrites = new ArrayList<>();
        Map<String, Document[]> attention = new LinkedHashMap<>();
        for (HazardFact fact : facts.values()) {
            diff.add(Contributions.of(fact, calendar), 1);
            Document after = HazardDocuments.write(fact);
            if (!after.equals(stored.get(fact.hazardId))) {
                factWrites.add(new ReplaceOneModel<>(Filters.eq("_id", fact.hazardId), after,
                        new ReplaceOptions().upsert(true)));
                AttentionRows.move(fact.hazardId, listedBefore.get(fact.hazardId),
                        AttentionRows.of(fact, calendar), attention);
            }
        }
        bulk(space.collection(FACTS), factWrites);
        bulk(space.collection(ATTENTION), AttentionRows.updates(attention));
        bulk(space.collection(TRANSITIONS), transitions);
        writeCounters(diff, space);
        for (Read r : reads) {
            if (r.milestone() == Milestone.REPORTED) {
                TraceRecordInterceptor.within(r.event(), () -> log.info("counted hazard {} of {} in {}",
                        r.change().hazardId(), r.change().townId(), space));
            }
        }
        log.debug("hazards: {} events, {} facts changed in {}", reads.size(), factWrites.size(), space);
    }

    private static String shortType(String type) {
        String name = type.startsWith(TYPE_PREFIX) ? type.substring(TYPE_PREFIX.length()) : type;
        return name.endsWith(".v1") ? name.substring(0, name.length() - 3) : name;
    }

    private static WriteModel<Document> transition(Read r) {
        HazardChange c = r.change();
        Document doc = new Document("hazardId", c.hazardId()).append("type", r.event().getType())
                .append("state", c.state()).append("revision", c.revision())
                .append("occurredAt", c.occurredAt() == null ? null : Date.from(c.occurredAt()));
        return new UpdateOneModel<>(Filters.eq("_id", r.event().getId()), new Document("$setOnInsert", doc),
                new UpdateOptions().upsert(true));
    }

    private void writeCounters(Counters diff, ProjectionSpace space) {
        for (Target target : Target.values()) {
            List<WriteModel<Document>> incs = new ArrayList<>();
            diff.of(target).forEach((id, fields) -> incs.add(new UpdateOneModel<>(Filters.eq("_id", id),
                    new Document("$inc", new Document(fields)), new UpdateOptions().upsert(true))));
            bulk(space.collection(target.collection), incs);
        }
        List<WriteModel<Document>> townMonths = new ArrayList<>();
        townMonthFields(diff).forEach((id, inc) -> {
            String[] townAndMonth = id.split(":", 2);
            townMonths.add(new UpdateOneModel<>(Filters.eq("_id", id), new Document("$inc", inc)
                    .append("$set", new Document(TownMonths.TOWN_ID, townAndMonth[0])
                            .append(TownMonths.MONTH, townAndMonth[1])), new UpdateOptions().upsert(true)));
        });
        bulk(space.collection(TownMonths.COLLECTION), townMonths);
    }

    /** The town scope's month counters as the shared town-month fields, by town-month id. */
    private static Map<String, Document> townMonthFields(Counters counters) {
        Map<String, Document> byId = new LinkedHashMap<>();
        counters.of(Target.MONTHS).forEach((id, fields) -> {
            if (!id.startsWith("town:") || id.contains("/")) {
                return;
            }
            String[] scopeAndMonth = id.substring("town:".length()).split("@", 2);
            Document inc = new Document();
            fields.forEach((field, n) -> {
                if (field.startsWith(Contributions.REPORTED_BY_SOURCE)) {
                    inc.put(TownMonths.HAZARDS_REPORTED_BY_SOURCE + "."
                            + field.substring(Contributions.REPORTED_BY_SOURCE.length()), n);
                } else if (field.equals(Contributions.PENALTY_FEN)) {
                    inc.put(TownMonths.HAZARDS_PENALTY_CNY, n / 100.0);
                } else if (TOWN_MONTH_FIELDS.containsKey(field)) {
                    inc.put(TOWN_MONTH_FIELDS.get(field), n);
                }
            });
            if (!inc.isEmpty()) {
                byId.put(TownMonths.id(scopeAndMonth[0], scopeAndMonth[1]), inc);
            }
        });
        return byId;
    }

    private void bulk(String collection, List<WriteModel<Document>> writes) {
        if (!writes.isEmpty()) {
            mongo.getCollection(collection).bulkWrite(writes, UNORDERED);
        }
    }

    /**
     * Recomputes every counter, the town-month hazard fields and the attention lists from the facts (one scan), and
     * replaces what is stored. The caller makes sure no batch of the same generation runs meanwhile.
     */
    @Override
    public void reconcile(ProjectionSpace space) {
        long started = System.nanoTime();
        Counters all = new Counters();
        Map<String, Document> lists = new LinkedHashMap<>();
        long facts = 0;
        for (Document d : mongo.getCollection(space.collection(FACTS)).find()) {
            HazardFact fact = HazardDocuments.read(d);
            all.add(Contributions.of(fact, calendar), 1);
            AttentionRows.of(fact, calendar).forEach((id, row) -> lists.computeIfAbsent(id,
                    i -> new Document()).put(Contributions.key(fact.hazardId), row));
            facts++;
        }
        List<WriteModel<Document>> attention = new ArrayList<>();
        lists.forEach((id, rows) -> attention.add(new ReplaceOneModel<>(Filters.eq("_id", id),
                new Document("_id", id).append(AttentionRows.ROWS, rows), new ReplaceOptions().upsert(true))));
        replaceAll(space.collection(ATTENTION), attention, new HashSet<>(lists.keySet()));
        for (Target target : Target.values()) {
            List<WriteModel<Document>> writes = new ArrayList<>();
            Set<Object> ids = new HashSet<>();
            all.of(target).forEach((id, fields) -> {
                writes.add(new ReplaceOneModel<>(Filters.eq("_id", id), HazardDocuments.nest(fields).append("_id", id),
                        new ReplaceOptions().upsert(true)));
                ids.add(id);
            });
            replaceAll(space.collection(target.collection), writes, ids);
        }
        // the shared town-month documents: only the hazard part is this projector's
        Map<String, Document> townMonths = townMonthFields(all);
        List<WriteModel<Document>> writes = new ArrayList<>();
        MongoCollection<Document> shared = mongo.getCollection(space.collection(TownMonths.COLLECTION));
        for (Document existing : shared.find().projection(new Document("_id", 1))) {
            String id = existing.getString("_id");
            if (!townMonths.containsKey(id)) {
                writes.add(new UpdateOneModel<>(Filters.eq("_id", id), new Document("$unset",
                        new Document("hazards", ""))));
            }
        }
        townMonths.forEach((id, fields) -> {
            String[] townAndMonth = id.split(":", 2);
            Document hazards = new Document();
            fields.forEach((field, n) -> hazards.put(field, n));
            Document nested = nestObjects(hazards);
            writes.add(new UpdateOneModel<>(Filters.eq("_id", id), new Document("$set",
                    new Document("hazards", nested.get("hazards")).append(TownMonths.TOWN_ID, townAndMonth[0])
                            .append(TownMonths.MONTH, townAndMonth[1])), new UpdateOptions().upsert(true)));
        });
        bulk(space.collection(TownMonths.COLLECTION), writes);
        log.info("hazards: reconciled the figures of {} from {} facts in {} ms", space, facts,
                (System.nanoTime() - started) / 1_000_000);
    }

    private void replaceAll(String collection, List<WriteModel<Document>> writes, Set<Object> keep) {
        List<WriteModel<Document>> all = new ArrayList<>(writes);
        for (Document existing : mongo.getCollection(collection).find().projection(new Document("_id", 1))) {
            if (!keep.contains(existing.get("_id"))) {
                all.add(new com.mongodb.client.model.DeleteOneModel<>(Filters.eq("_id", existing.get("_id"))));
            }
        }
        bulk(collection, all);
    }

    private static Document nestObjects(Document flat) {
        Document root = new Document();
        flat.forEach((path, value) -> {
            String[] parts = path.split("\\.");
            Document at = root;
            for (int i = 0; i < parts.length - 1; i++) {
                Object next = at.get(parts[i]);
                if (!(next instanceof Document)) {
                    next = new Document();
                    at.put(parts[i], next);
                }
                at = (Document) next;
            }
            at.put(parts[parts.length - 1], value);
        });
        return root;
    }
}
