package org.liuhua.reporting.establishments;

import java.util.Date;
import java.util.List;
import java.util.Set;

import io.cloudevents.CloudEvent;
import org.bson.Document;
import org.liuhua.events.Topics;
import org.liuhua.events.hazard.InterviewRecorded;
import org.liuhua.kit.messaging.EventRouter;
import org.liuhua.kit.store.CollectionIndexes;
import org.liuhua.kit.time.CityCalendar;
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
 * Warning interviews (约谈警示) from hazard-service's {@code liuhua.hazard.interview-recorded.v1}: the establishments
 * interviewed per town and month ({@link TownMonths#INTERVIEWED_ESTABLISHMENTS}, a set) and the interviews of each
 * establishment ({@code establishment_interviews}, {@code _id} = establishment, a map keyed by interview id). Every
 * other hazard event is left to the hazards projector.
 */
@Component
public class InterviewsProjector implements Projector {

    public static final String ESTABLISHMENT_INTERVIEWS = "establishment_interviews";

    private final MongoTemplate mongo;
    private final CityCalendar calendar;

    InterviewsProjector(MongoTemplate mongo, CityCalendar calendar) {
        this.mongo = mongo;
        this.calendar = calendar;
    }

    @Override
    public String name() {
        return "interviews";
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.HAZARD);
    }

    @Override
    public List<CollectionIndexes> indexes() {
        return declaredIndexes();
    }

    /** The base collections it writes and their indexes (also read by the service's index test). */
    public static List<CollectionIndexes> declaredIndexes() {
        return List.of(CollectionIndexes.of(TownMonths.COLLECTION), CollectionIndexes.of(ESTABLISHMENT_INTERVIEWS));
    }

    @Override
    public void apply(List<CloudEvent> batch, ProjectionSpace space) {
        BulkOperations months = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, space.collection(TownMonths.COLLECTION));
        BulkOperations interviews = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED,
                space.collection(ESTABLISHMENT_INTERVIEWS));
        int[] writes = {0};
        EventRouter router = EventRouter.named("reporting-service/interviews")
                .on(InterviewRecorded.class, (InterviewRecorded i) -> {
                    if (i.interviewId() == null || i.establishmentId() == null || i.townId() == null) {
                        throw new IllegalArgumentException("an interview without interviewId, establishmentId or townId");
                    }
                    String month = i.month() != null ? i.month()
                            : i.heldOn() != null ? i.heldOn().toString().substring(0, 7)
                            : calendar.monthKey(i.recordedAt());
                    months.upsert(Query.query(Criteria.where("_id").is(TownMonths.id(i.townId(), month))),
                            new Update().set(TownMonths.TOWN_ID, i.townId()).set(TownMonths.MONTH, month)
                                    .addToSet(TownMonths.INTERVIEWED_ESTABLISHMENTS, i.establishmentId()));
                    interviews.upsert(Query.query(Criteria.where("_id").is(i.establishmentId())), new Update()
                            .set("townId", i.townId())
                            .set("interviews." + GridProjector.key(i.interviewId()), new Document("interviewId",
                                    i.interviewId()).append("heldOn", String.valueOf(i.heldOn()))
                                    .append("month", month).append("departmentId", i.departmentId())
                                    .append("reason", i.reason())
                                    .append("attendees", i.attendees().size())
                                    .append("relatedHazardIds", i.relatedHazardIds())
                                    .append("recordedAt", i.recordedAt() == null ? null : Date.from(i.recordedAt()))));
                    writes[0]++;
                })
                .build();
        batch.forEach(router::route);
        if (writes[0] > 0) {
            months.execute();
            interviews.execute();
        }
    }
}
