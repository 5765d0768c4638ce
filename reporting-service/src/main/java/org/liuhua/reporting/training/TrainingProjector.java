package org.liuhua.reporting.training;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.cloudevents.CloudEvent;
import org.bson.Document;
import org.liuhua.events.Topics;
import org.liuhua.events.training.DrillHeld;
import org.liuhua.events.training.SessionHeld;
import org.liuhua.events.training.TownRatesComputed;
import org.liuhua.kit.messaging.EventRouter;
import org.liuhua.kit.store.CollectionIndexes;
import org.liuhua.kit.time.CityCalendar;
import org.liuhua.reporting.grid.GridFigures;
import org.liuhua.reporting.grid.GridProjector;
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
 * Training figures (topic {@code liuhua.training}): per town and month in {@link TownMonths} — attendees per session
 * (a map keyed by session id), drills (a set), the town's latest {@code TownRatesComputed} (kept only when its
 * {@code computedAt} is newer than the stored one: the event's key is town:month, one writer per key, so it is read
 * by {@code _id}, compared and written by {@code _id}) — and per establishment and month
 * ({@code establishment_training}, {@code _id} = establishment:month) its sessions and drills for the one-page view.
 */
@Component
public class TrainingProjector implements Projector {

    public static final String ESTABLISHMENT_TRAINING = "establishment_training";

    private final MongoTemplate mongo;
    private final CityCalendar calendar;

    TrainingProjector(MongoTemplate mongo, CityCalendar calendar) {
        this.mongo = mongo;
        this.calendar = calendar;
    }

    @Override
    public String name() {
        return "training";
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.TRAINING);
    }

    @Override
    public List<CollectionIndexes> indexes() {
        return declaredIndexes();
    }

    /** The base collections it writes and their indexes (also read by the service's index test). */
    public static List<CollectionIndexes> declaredIndexes() {
        return List.of(CollectionIndexes.of(TownMonths.COLLECTION), CollectionIndexes.of(ESTABLISHMENT_TRAINING));
    }

    @Override
    public void apply(List<CloudEvent> batch, ProjectionSpace space) {
        BulkOperations months = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, space.collection(TownMonths.COLLECTION));
        BulkOperations establishments = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED,
                space.collection(ESTABLISHMENT_TRAINING));
        int[] writes = new int[2];
        Map<String, TownRatesComputed> rates = new LinkedHashMap<>();
        EventRouter router = EventRouter.named("reporting-service/training")
                .on(SessionHeld.class, (SessionHeld s) -> {
                    require(s.sessionId(), s.townId(), "session");
                    String month = month(s.month(), s.heldOn(), s.recordedAt());
                    months.upsert(townMonth(s.townId(), month), identity(s.townId(), month)
                            .set(TownMonths.TRAINING_SESSION_ATTENDEES + "." + GridProjector.key(s.sessionId()),
                                    s.attendeeCount()));
                    writes[0]++;
                    if (s.establishmentId() != null) {
                        establishments.upsert(byId(s.establishmentId() + ":" + month), new Update()
                                .set("establishmentId", s.establishmentId()).set("month", month)
                                .set("sessions." + GridProjector.key(s.sessionId()), new Document("type", s.type())
                                        .append("heldOn", String.valueOf(s.heldOn()))
                                        .append("attendees", s.attendeeCount())));
                        writes[1]++;
                    }
                })
                .on(DrillHeld.class, (DrillHeld d) -> {
                    require(d.drillId(), d.townId(), "drill");
                    String month = month(d.month(), d.heldOn(), d.recordedAt());
                    months.upsert(townMonth(d.townId(), month), identity(d.townId(), month)
                            .addToSet(TownMonths.TRAINING_DRILLS, d.drillId()));
                    writes[0]++;
                    if (d.establishmentId() != null) {
                        establishments.upsert(byId(d.establishmentId() + ":" + month), new Update()
                                .set("establishmentId", d.establishmentId()).set("month", month)
                                .set("drills." + GridProjector.key(d.drillId()), new Document("type", d.type())
                                        .append("heldOn", String.valueOf(d.heldOn()))
                                        .append("participants", d.participants())));
                        writes[1]++;
                    }
                })
                .on(TownRatesComputed.class, (TownRatesComputed r) -> {
                    if (r.townId() == null || r.month() == null || r.computedAt() == null) {
                        throw new IllegalArgumentException("town rates without townId, month or computedAt");
                    }
                    rates.merge(TownMonths.id(r.townId(), r.month()), r,
                            (a, b) -> b.computedAt().isAfter(a.computedAt()) ? b : a);
                })
                .build();
        batch.forEach(router::route);
        if (!rates.isEmpty()) {
            Map<String, Instant> stored = storedRates(space, List.copyOf(rates.keySet()));
            rates.forEach((id, r) -> {
                Instant current = stored.get(id);
                if (current == null || r.computedAt().isAfter(current)) {
                    months.upsert(byId(id), identity(r.townId(), r.month()).set(TownMonths.TRAINING_RATES, rates(r)));
                    writes[0]++;
                }
            });
        }
        if (writes[0] > 0) {
            months.execute();
        }
        if (writes[1] > 0) {
            establishments.execute();
        }
    }

    private Map<String, Instant> storedRates(ProjectionSpace space, List<String> ids) {
        Map<String, Instant> stored = new HashMap<>();
        mongo.find(Query.query(Criteria.where("_id").in(ids)), Document.class, space.collection(TownMonths.COLLECTION))
                .forEach(d -> {
                    Object at = GridFigures.at(d, TownMonths.TRAINING_RATES + ".computedAt");
                    if (at instanceof Date date) {
                        stored.put(d.getString("_id"), date.toInstant());
                    }
                });
        return stored;
    }

    static Document rates(TownRatesComputed r) {
        return new Document("establishments", r.establishments())
                .append("shiftBriefingCount", r.shiftBriefingCount()).append("shiftBriefingBase", r.shiftBriefingBase())
                .append("quarterlyLectureCount", r.quarterlyLectureCount())
                .append("quarterlyLectureBase", r.quarterlyLectureBase())
                .append("certifiedValid", r.certifiedValid()).append("certifiedOnDuty", r.certifiedOnDuty())
                .append("learningParticipants", r.learningParticipants()).append("learningBase", r.learningBase())
                .append("sessionPersonTimes", r.sessionPersonTimes())
                .append("learningPersonTimesYear", r.learningPersonTimesYear())
                .append("computedAt", Date.from(r.computedAt()));
    }

    private String month(String month, LocalDate heldOn, Instant recordedAt) {
        if (month != null) {
            return month;
        }
        if (heldOn != null) {
            return heldOn.toString().substring(0, 7);
        }
        if (recordedAt != null) {
            return calendar.monthKey(recordedAt);
        }
        throw new IllegalArgumentException("a training record without month, day or time");
    }

    private static void require(String id, String townId, String what) {
        if (id == null || townId == null) {
            throw new IllegalArgumentException("a " + what + " without its id or townId");
        }
    }

    private static Query townMonth(String townId, String month) {
        return byId(TownMonths.id(townId, month));
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }

    private static Update identity(String townId, String month) {
        return new Update().set(TownMonths.TOWN_ID, townId).set(TownMonths.MONTH, month);
    }
}
