package org.liuhua.reporting.establishments;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.liuhua.events.hazard.InterviewRecorded;
import org.liuhua.reporting.grid.GridFigures;
import org.liuhua.reporting.projection.ProjectionSpace;
import org.liuhua.reporting.projection.TownMonths;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.liuhua.reporting.ProjectorTestSupport.CALENDAR;
import static org.liuhua.reporting.ProjectorTestSupport.event;
import static org.liuhua.reporting.ProjectorTestSupport.mongo;

class InterviewsProjectorTest {

    final MongoTemplate mongo = mongo();
    final InterviewsProjector projector = new InterviewsProjector(mongo, CALENDAR);
    final ProjectionSpace space = new ProjectionSpace(1);

    static InterviewRecorded interview(String id, String establishment) {
        return new InterviewRecorded(id, establishment, "张家港某化工有限公司", "zjg-jinfeng", "dept-emergency",
                LocalDate.parse("2026-11-18"), "2026-11", "重大事故隐患逾期未整改", List.of("王建国", "李明"),
                List.of(), "admin", Instant.parse("2026-11-18T06:30:00Z"));
    }

    @Test
    void interviewedEstablishmentsAreCountedOncePerTownMonth() {
        var batch = List.of(event(interview("iv-1", "est-1")), event(interview("iv-2", "est-1")),
                event(interview("iv-3", "est-2")));
        projector.apply(batch, space);
        projector.apply(batch, space);

        Document month = mongo.findById(TownMonths.id("zjg-jinfeng", "2026-11"), Document.class,
                space.collection(TownMonths.COLLECTION));
        assertThat(GridFigures.size(month, TownMonths.INTERVIEWED_ESTABLISHMENTS)).isEqualTo(2);
        Document est = mongo.findById("est-1", Document.class,
                space.collection(InterviewsProjector.ESTABLISHMENT_INTERVIEWS));
        assertThat(est.get("interviews", Document.class)).hasSize(2);
        assertThat(est.get("interviews", Document.class).get("iv-1", Document.class)).containsEntry("attendees", 2);
    }
}
