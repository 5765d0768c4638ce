package org.liuhua.reporting.handbooks;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.cloudevents.CloudEvent;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.liuhua.events.manual.ChecklistRunCompleted;
import org.liuhua.events.manual.HandbookAdopted;
import org.liuhua.events.manual.HandbookCompletenessChanged;
import org.liuhua.events.manual.HandbookReviewDue;
import org.liuhua.events.manual.HandbookRevised;
import org.liuhua.reporting.grid.GridFigures;
import org.liuhua.reporting.projection.ProjectionSpace;
import org.liuhua.reporting.projection.TownMonths;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.liuhua.reporting.ProjectorTestSupport.CALENDAR;
import static org.liuhua.reporting.ProjectorTestSupport.event;
import static org.liuhua.reporting.ProjectorTestSupport.mongo;

class HandbooksProjectorTest {

    final MongoTemplate mongo = mongo();
    final HandbooksProjector projector = new HandbooksProjector(mongo, CALENDAR);
    final ProjectionSpace space = new ProjectionSpace(1);

    Document counts(String id) {
        Document d = mongo.findById(id, Document.class, space.collection(HandbooksProjector.COUNTS));
        return d == null ? new Document() : d;
    }

    static HandbookCompletenessChanged completeness(String est, boolean complete, Instant at) {
        return new HandbookCompletenessChanged(est, "zjg-jinfeng", "dept-industry", "METALLURGY", 4,
                complete ? 4 : 3, complete ? List.of() : List.of("行车工"), complete, 1, 0, at);
    }

    @Test
    void selfChecksAndRevisionsFillTheTownMonthOnce() {
        List<CloudEvent> batch = List.of(
                event(new ChecklistRunCompleted("run-1", "est-1", "zjg-jinfeng", "dept-industry",
                        "ENTERPRISE_SELF_CHECK", 12, 10, 2, 1, "2026-11", "officer",
                        Instant.parse("2026-11-05T01:05:00Z"))),
                event(new ChecklistRunCompleted("run-2", "est-2", "zjg-jinfeng", "dept-industry", "GRID_PATROL",
                        12, 12, 0, 0, "2026-11", "inspector", Instant.parse("2026-11-06T01:05:00Z"))),
                event(new HandbookRevised("est-1", "zjg-jinfeng", "dept-industry", "CARD", "card-1", "2026-11",
                        "officer", Instant.parse("2026-11-03T02:10:00Z"))),
                event(new HandbookRevised("est-1", "zjg-jinfeng", "dept-industry", "POSTS", null, "2026-11",
                        "officer", Instant.parse("2026-11-04T02:10:00Z"))));

        projector.apply(batch, space);
        projector.apply(batch, space);

        Document month = mongo.findById(TownMonths.id("zjg-jinfeng", "2026-11"), Document.class,
                space.collection(TownMonths.COLLECTION));
        assertThat(GridFigures.size(month, TownMonths.SELF_CHECK_ESTABLISHMENTS)).isEqualTo(1);
        assertThat(GridFigures.size(month, TownMonths.RULES_REVISED_ESTABLISHMENTS)).isEqualTo(1);
        assertThat(GridFigures.size(month, TownMonths.RULES_REVISED)).isEqualTo(2);
        assertThat(mongo.findById("est-2:2026-11", Document.class,
                space.collection(HandbooksProjector.ESTABLISHMENT_CHECKLISTS)).get("runs", Document.class)).hasSize(1);
    }

    @Test
    void adoptionAndCompletenessAreCountedPerEstablishmentWhateverTheOrder() {
        Instant t1 = Instant.parse("2026-11-01T00:00:00Z");
        Instant t2 = Instant.parse("2026-11-02T00:00:00Z");
        CloudEvent adopted = event(new HandbookAdopted("est-1", "zjg-jinfeng", "dept-industry", "METALLURGY", "tpl-1",
                "METALLURGY-BASE", "INDUSTRY", 2, null, "officer", t1));
        CloudEvent incomplete = event(completeness("est-1", false, t1));
        CloudEvent complete = event(completeness("est-1", true, t2));
        CloudEvent other = event(new HandbookAdopted("est-2", "zjg-jinfeng", "dept-industry", "METALLURGY", "tpl-1",
                "METALLURGY-BASE", "INDUSTRY", 2, null, "officer", t1));

        projector.apply(List.of(adopted, complete), space);
        projector.apply(List.of(incomplete, other), space);
        projector.apply(List.of(adopted, complete, incomplete, other), space);

        assertThat(counts("town:zjg-jinfeng")).containsEntry("adopted", 2).containsEntry("complete", 1);
        assertThat(counts("city")).containsEntry("adopted", 2).containsEntry("complete", 1);
        assertThat(counts("department:dept-industry")).containsEntry("known", 2);
    }

    @Test
    void aReviewDueStaysDueUntilALaterReview() {
        projector.apply(List.of(event(new HandbookReviewDue("est-1", "zjg-jinfeng", "dept-industry",
                LocalDate.parse("2026-11-30"), false, Instant.parse("2026-11-01T00:00:00Z")))), space);
        assertThat(counts("town:zjg-jinfeng")).containsEntry("reviewDue", 1);

        projector.apply(List.of(event(new HandbookRevised("est-1", "zjg-jinfeng", "dept-industry", "REVIEW", null,
                "2026-11", "officer", Instant.parse("2026-11-10T00:00:00Z")))), space);
        assertThat(counts("town:zjg-jinfeng")).containsEntry("reviewDue", 0);
    }
}
