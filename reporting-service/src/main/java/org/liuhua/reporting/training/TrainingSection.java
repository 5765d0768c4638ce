package org.liuhua.reporting.training;

import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.liuhua.reporting.grid.GridFigures;
import org.liuhua.reporting.projection.ProjectionSpace;
import org.liuhua.reporting.projection.TownMonths;
import org.liuhua.reporting.scope.ReportScope;
import org.liuhua.reporting.stats.OverviewSection;
import org.liuhua.reporting.stats.Rate;
import org.liuhua.reporting.stats.Targets;
import org.springframework.stereotype.Component;

/**
 * The overview's {@code training} part for the current month, summed over the towns of the scope from their latest
 * {@code TownRatesComputed} figures and their sessions and drills ({@link TownMonths}, read by {@code _id}).
 */
@Component
class TrainingSection implements OverviewSection {

    record Figures(String month, Rate participation, Rate certifiedOnDuty, Rate shiftBriefing, Rate quarterlyLecture,
                   long sessionPersonTimes, long sessions, long drills) {
    }

    private final GridFigures grid;

    TrainingSection(GridFigures grid) {
        this.grid = grid;
    }

    @Override
    public String key() {
        return "training";
    }

    @Override
    public Figures figures(ReportScope scope, ProjectionSpace space) {
        return figures(scope, space, grid.currentMonth());
    }

    Figures figures(ReportScope scope, ProjectionSpace space, String month) {
        List<String> towns = grid.towns(space, scope);
        Map<String, Document> months = grid.byId(space.collection(TownMonths.COLLECTION),
                towns.stream().map(t -> TownMonths.id(t, month)).toList());
        long[] sum = new long[8];
        long personTimes = 0;
        long sessions = 0;
        long drills = 0;
        for (Document m : months.values()) {
            if (GridFigures.at(m, TownMonths.TRAINING_RATES) instanceof Document r) {
                sum[0] += number(r, "learningParticipants");
                sum[1] += number(r, "learningBase");
                sum[2] += number(r, "certifiedValid");
                sum[3] += number(r, "certifiedOnDuty");
                sum[4] += number(r, "shiftBriefingCount");
                sum[5] += number(r, "shiftBriefingBase");
                sum[6] += number(r, "quarterlyLectureCount");
                sum[7] += number(r, "quarterlyLectureBase");
            }
            if (GridFigures.at(m, TownMonths.TRAINING_SESSION_ATTENDEES) instanceof Document attendees) {
                sessions += attendees.size();
                for (Object n : attendees.values()) {
                    personTimes += ((Number) n).longValue();
                }
            }
            drills += GridFigures.size(m, TownMonths.TRAINING_DRILLS);
        }
        return new Figures(month, Rate.of(sum[0], sum[1], Targets.TRAINING_PARTICIPATION),
                Rate.of(sum[2], sum[3], Targets.CERTIFIED_ON_DUTY), Rate.of(sum[4], sum[5], Targets.SHIFT_BRIEFING),
                Rate.of(sum[6], sum[7], Targets.QUARTERLY_LECTURE), personTimes, sessions, drills);
    }

    private static long number(Document d, String field) {
        Object v = d.get(field);
        return v == null ? 0 : ((Number) v).longValue();
    }
}
