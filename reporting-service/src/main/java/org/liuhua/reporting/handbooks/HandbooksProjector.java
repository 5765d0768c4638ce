package org.liuhua.reporting.handbooks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.cloudevents.CloudEvent;
import org.bson.Document;
import org.liuhua.events.Topics;
import org.liuhua.events.manual.ChecklistRunCompleted;
import org.liuhua.events.manual.HandbookAdopted;
import org.liuhua.events.manual.HandbookCompletenessChanged;
import org.liuhua.events.manual.HandbookReviewDue;
import org.liuhua.events.manual.HandbookRevised;
import org.liuhua.kit.messaging.EventRouter;
import org.liuhua.kit.store.CollectionIndexes;
import org.liuhua.kit.time.CityCalendar;
import org.liuhua.reporting.grid.Denominators;
import org.liuhua.reporting.grid.GridProjector;
import org.liuhua.reporting.grid.GuardedCounts;
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
 * Handbook and checklist figures (topic {@code liuhua.manual}):
 * <ul>
 * <li>{@link TownMonths}: establishments that ran a self-check ({@code ENTERPRISE_SELF_CHECK} runs), establishments
 * that revised rules and the revisions themselves (a map keyed by the event's id);</li>
 * <li>{@code establishment_checklists} ({@code _id} = establishment:month): the runs, for the one-page view;</li>
 * <li>{@code establishment_handbooks} ({@code _id} = establishment): adoption, completeness and review state, each
 * part kept by its own time (latest wins; the events' key is the establishment, one writer per key);</li>
 * <li>{@code handbook_counts} ({@code city}, {@code town:<id>}, {@code department:<id>}): establishments with an
 * adopted handbook, with a complete one, with a review due — moved when an establishment's state changes
 * ({@link GuardedCounts}, ledger {@code handbook_count_moves}).</li>
 * </ul>
 */
@Component
public class HandbooksProjector implements Projector {

    public static final String ESTABLISHMENT_HANDBOOKS = "establishment_handbooks";
    public static final String ESTABLISHMENT_CHECKLISTS = "establishment_checklists";
    public static final String COUNTS = "handbook_counts";
    public static final String COUNT_MOVES = "handbook_count_moves";
    public static final String SELF_CHECK = "ENTERPRISE_SELF_CHECK";

    private final MongoTemplate mongo;
    private final CityCalendar calendar;

    HandbooksProjector(MongoTemplate mongo, CityCalendar calendar) {
        this.mongo = mongo;
        this.calendar = calendar;
    }

    @Override
    public String name() {
        return "handbooks";
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.MANUAL);
    }

    @Override
    public List<CollectionIndexes> indexes() {
        return declaredIndexes();
    }

    /** The base collections it writes and their indexes (also read by the service's index test). */
    public static List<CollectionIndexes> declaredIndexes() {
        return List.of(TownMonths.COLLECTION, ESTABLISHMENT_HANDBOOKS, ESTABLISHMENT_CHECKLISTS, COUNTS, COUNT_MOVES)
                .stream().map(c -> CollectionIndexes.of(c)).toList();
    }

    /** A change of an establishment's handbook state, applied in order within the batch. */
    private record StateChange(String eventId, String establishmentId, String townId, String departmentId,
                               java.util.function.UnaryOperator<Document> change) {
    }

    @Override
    public void apply(List<CloudEvent> batch, ProjectionSpace space) {
        BulkOperations months = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, space.collection(TownMonths.COLLECTION));
        BulkOperations runs = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, space.collection(ESTABLISHMENT_CHECKLISTS));
        int[] writes = new int[2];
        List<StateChange> changes = new ArrayList<>();
        EventRouter router = EventRouter.named("reporting-service/handbooks")
                .on(ChecklistRunCompleted.class, (ChecklistRunCompleted r, CloudEvent e) -> {
                    if (r.runId() == null || r.establishmentId() == null) {
                        throw new IllegalArgumentException("a checklist run without runId or establishmentId");
                    }
                    String month = r.month() != null ? r.month() : calendar.monthKey(r.completedAt());
                    if (SELF_CHECK.equals(r.source()) && r.townId() != null) {
                        months.upsert(byId(TownMonths.id(r.townId(), month)), identity(r.townId(), month)
                                .addToSet(TownMonths.SELF_CHECK_ESTABLISHMENTS, r.establishmentId()));
                        writes[0]++;
                    }
                    runs.upsert(byId(r.establishmentId() + ":" + month), new Update()
                            .set("establishmentId", r.establishmentId()).set("month", month)
                            .set("runs." + GridProjector.key(r.runId()), new Document("source", r.source())
                                    .append("items", r.items()).append("passed", r.passed())
                                    .append("failed", r.failed()).append("majorFailed", r.majorFailed())
                                    .append("completedAt", date(r.completedAt()))));
                    writes[1]++;
                })
                .on(HandbookRevised.class, (HandbookRevised r, CloudEvent e) -> {
                    if (r.establishmentId() == null) {
                        throw new IllegalArgumentException("a handbook revision without establishmentId");
                    }
                    String month = r.month() != null ? r.month() : calendar.monthKey(r.revisedAt());
                    if (r.townId() != null) {
                        months.upsert(byId(TownMonths.id(r.townId(), month)), identity(r.townId(), month)
                                .addToSet(TownMonths.RULES_REVISED_ESTABLISHMENTS, r.establishmentId())
                                .set(TownMonths.RULES_REVISED + "." + GridProjector.key(e.getId()), 1));
                        writes[0]++;
                    }
                    if ("REVIEW".equals(r.revision()) && r.revisedAt() != null) {
                        changes.add(new StateChange(e.getId(), r.establishmentId(), r.townId(), r.departmentId(),
                                d -> later(d, "reviewedAt", r.revisedAt())
                                        ? d.append("reviewedAt", date(r.revisedAt())) : d));
                    }
                })
                .on(HandbookAdopted.class, (HandbookAdopted a, CloudEvent e) -> changes.add(new StateChange(
                        e.getId(), a.establishmentId(), a.townId(), a.departmentId(), d -> {
                    Document templates = d.get("templates", Document.class);
                    templates = templates == null ? new Document() : templates;
                    String key = GridProjector.key(a.templateId() != null ? a.templateId() : a.templateCode());
                    Document current = templates.get(key, Document.class);
                    if (current == null || ((Number) current.getOrDefault("version", 0)).intValue() < a.version()) {
                        templates.append(key, new Document("templateCode", a.templateCode())
                                .append("kind", a.kind()).append("version", a.version())
                                .append("adoptedAt", date(a.adoptedAt())));
                    }
                    return d.append("templates", templates).append("adopted", true);
                })))
                .on(HandbookCompletenessChanged.class, (HandbookCompletenessChanged c, CloudEvent e) ->
                        changes.add(new StateChange(e.getId(), c.establishmentId(), c.townId(), c.departmentId(),
                                d -> later(d, "completenessAt", c.changedAt()) ? d
                                        .append("posts", c.posts()).append("postsWithCard", c.postsWithCard())
                                        .append("missingPosts", c.missingPosts()).append("complete", c.complete())
                                        .append("adoptedTemplates", c.adoptedTemplates())
                                        .append("outdatedAdoptions", c.outdatedAdoptions())
                                        .append("completenessAt", date(c.changedAt())) : d)))
                .on(HandbookReviewDue.class, (HandbookReviewDue r, CloudEvent e) -> changes.add(new StateChange(
                        e.getId(), r.establishmentId(), r.townId(), r.departmentId(),
                        d -> later(d, "reviewRemindedAt", r.remindedAt()) ? d
                                .append("reviewDueOn", String.valueOf(r.dueOn())).append("reviewOverdue", r.overdue())
                                .append("reviewRemindedAt", date(r.remindedAt())) : d)))
                .build();
        batch.forEach(router::route);
        if (writes[0] > 0) {
            months.execute();
        }
        if (writes[1] > 0) {
            runs.execute();
        }
        states(changes, space);
    }

    private void states(List<StateChange> changes, ProjectionSpace space) {
        if (changes.isEmpty()) {
            return;
        }
        String collection = space.collection(ESTABLISHMENT_HANDBOOKS);
        Map<String, Document> working = new HashMap<>();
        List<Object> ids = changes.stream().map(c -> (Object) c.establishmentId()).distinct().toList();
        mongo.find(Query.query(Criteria.where("_id").in(ids)), Document.class, collection)
                .forEach(d -> working.put(d.getString("_id"), d));
        List<GuardedCounts.Move> moves = new ArrayList<>();
        Map<String, Document> changed = new LinkedHashMap<>();
        for (StateChange c : changes) {
            if (c.establishmentId() == null) {
                throw new IllegalArgumentException("a handbook event without establishmentId");
            }
            Document before = working.get(c.establishmentId());
            Document next = new Document(before == null ? Map.of("_id", c.establishmentId()) : before);
            if (next.get("templates") instanceof Document t) {
                next.put("templates", new Document(t));
            }
            next = c.change().apply(next);
            if (c.townId() != null) {
                next.put("townId", c.townId());
            }
            if (c.departmentId() != null) {
                next.put("departmentId", c.departmentId());
            }
            moves.add(new GuardedCounts.Move(c.eventId(), GuardedCounts.difference(contribution(before),
                    contribution(next))));
            working.put(c.establishmentId(), next);
            changed.put(c.establishmentId(), next);
        }
        GuardedCounts.apply(mongo, space.collection(COUNT_MOVES), space.collection(COUNTS), moves);
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
        changed.forEach((id, doc) -> {
            Update update = new Update();
            doc.forEach((k, v) -> {
                if (!"_id".equals(k)) {
                    update.set(k, v);
                }
            });
            bulk.upsert(byId(id), update);
        });
        bulk.execute();
    }

    /** What an establishment's handbook state counts for: adopted, complete, review due; per city, town, department. */
    static Map<String, List<String>> contribution(Document state) {
        if (state == null) {
            return Map.of();
        }
        List<String> fields = new ArrayList<>();
        fields.add("known");
        if (isAdopted(state)) {
            fields.add("adopted");
            if (Boolean.TRUE.equals(state.getBoolean("complete"))) {
                fields.add("complete");
            }
        }
        if (isReviewDue(state)) {
            fields.add("reviewDue");
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        out.put(Denominators.CITY, fields);
        if (state.getString("townId") != null) {
            out.put(Denominators.town(state.getString("townId")), fields);
        }
        if (state.getString("departmentId") != null) {
            out.put(Denominators.department(state.getString("departmentId")), fields);
        }
        return out;
    }

    public static boolean isAdopted(Document state) {
        Object adoptedTemplates = state.get("adoptedTemplates");
        return Boolean.TRUE.equals(state.getBoolean("adopted"))
                || (adoptedTemplates instanceof Number n && n.intValue() > 0);
    }

    /** A review reminder not answered by a later completed review. */
    public static boolean isReviewDue(Document state) {
        Date reminded = state.getDate("reviewRemindedAt");
        Date reviewed = state.getDate("reviewedAt");
        return reminded != null && (reviewed == null || reviewed.before(reminded));
    }

    private static boolean later(Document state, String field, Instant at) {
        if (at == null) {
            return false;
        }
        Date stored = state.getDate(field);
        return stored == null || stored.toInstant().isBefore(at);
    }

    private static Date date(Instant at) {
        return at == null ? null : Date.from(at);
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }

    private static Update identity(String townId, String month) {
        return new Update().set(TownMonths.TOWN_ID, townId).set(TownMonths.MONTH, month);
    }
}
