package org.liuhua.reporting.training;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.cloudevents.CloudEvent;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.liuhua.events.training.DrillHeld;
import org.liuhua.events.training.SessionHeld;
import org.liuhua.events.training.TownRatesComputed;
import org.liuhua.reporting.grid.GridFigures;
import org.liuhua.reporting.projection.ProjectionSpace;
import org.liuhua.reporting.projection.TownMonths;
import org.liuhua.reporting.scope.ReportScope;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.liuhua.reporting.ProjectorTestSupport.CALENDAR;
import static org.liuhua.reporting.ProjectorTestSupport.event;
import static org.liuhua.reporting.ProjectorTestSupport.mongo;

class TrainingProjectorTest {

    final MongoTemplate mongo = mongo();
    final TrainingProjector projector = new TrainingProjector(mongo, CALENDAR);
    final ProjectionSpace space = new ProjectionSpace(1);

    static TownRatesComputed rates(long participants, Instant computedAt) {
        return new TownRatesComputed("zjg-jinfeng", "2026-11", 40, 10, 20, 0.5, 9, 10, 0.9, 19, 20, 0.95,
                participants, 100, participants / 100.0, 300, 2000, computedAt);
    }

    Document month() {
        return mongo.findById(TownMonths.id("zjg-jinfeng", "2026-11"), Document.class,
                space.collection(TownMonths.COLLECTION));
    }

    @Test
    void sessionsAndDrillsCountOnceWhenRedelivered() {
        List<CloudEvent> batch = List.of(
                event(new SessionHeld("s-1", "est-1", "zjg-jinfeng", "SHIFT_BRIEFING", LocalDate.parse("2026-11-03"),
                        "2026-11", 12, "SAFETY_OFFICER", Instant.parse("2026-11-03T01:00:00Z"))),
                event(new SessionHeld("s-2", "est-2", "zjg-jinfeng", "QUARTERLY_LECTURE",
                        LocalDate.parse("2026-11-04"), "2026-11", 30, "PRINCIPAL",
                        Instant.parse("2026-11-04T01:00:00Z"))),
                event(new DrillHeld("d-1", "est-1", "zjg-jinfeng", "FIRE", LocalDate.parse("2026-11-05"), "2026-11",
                        25, List.of(), false, Instant.parse("2026-11-05T01:00:00Z"))));

        projector.apply(batch, space);
        projector.apply(batch, space);

        assertThat((Document) GridFigures.at(month(), TownMonths.TRAINING_SESSION_ATTENDEES))
                .containsEntry("s-1", 12).containsEntry("s-2", 30).hasSize(2);
        assertThat(GridFigures.size(month(), TownMonths.TRAINING_DRILLS)).isEqualTo(1);
        Document est = mongo.findById("est-1:2026-11", Document.class,
                space.collection(TrainingProjector.ESTABLISHMENT_TRAINING));
        assertThat(est.get("sessions", Document.class)).hasSize(1);
        assertThat(est.get("drills", Document.class)).hasSize(1);
    }

    @Test
    void outOfOrderRatesKeepTheNewest() {
        CloudEvent older = event(rates(60, Instant.parse("2026-11-10T00:00:00Z")));
        CloudEvent newer = event(rates(85, Instant.parse("2026-11-11T00:00:00Z")));

        projector.apply(List.of(newer), space);
        projector.apply(List.of(older), space);
        assertThat(GridFigures.at(month(), TownMonths.TRAINING_RATES + ".learningParticipants")).isEqualTo(85L);

        projector.apply(List.of(newer, older), space);
        assertThat(GridFigures.at(month(), TownMonths.TRAINING_RATES + ".learningParticipants")).isEqualTo(85L);

        TrainingSection.Figures figures = new TrainingSection(new GridFigures(mongo, CALENDAR, null))
                .figures(ReportScope.town("zjg-jinfeng"), space, "2026-11");
        assertThat(figures.participation().value()).isEqualTo(0.85);
        assertThat(figures.participation().target()).isEqualTo(0.8);
        assertThat(figures.participation().met()).isTrue();
        assertThat(figures.shiftBriefing().value()).isEqualTo(0.5);
    }
}
