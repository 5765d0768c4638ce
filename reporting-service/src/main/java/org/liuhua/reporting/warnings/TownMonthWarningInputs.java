package org.liuhua.reporting.warnings;

import java.time.YearMonth;

import org.bson.Document;
import org.liuhua.reporting.monthly.ReportTown;
import org.liuhua.reporting.monthly.TownMonthDocuments;
import org.liuhua.reporting.projection.ProjectionSpace;
import org.liuhua.reporting.projection.TownMonths;
import org.liuhua.reporting.warnings.domain.TownInputs;
import org.springframework.stereotype.Component;

/**
 * The warning inputs from the town-month document ({@code town_months_v<N>}, by {@code _id}):
 * <ul>
 *   <li>hazards reported ({@link TownMonths#HAZARDS_REPORTED}) — 0 when the town has no document (nothing reported);</li>
 *   <li>closure: hazards closed in the month of those reported in the month ({@link TownMonths#HAZARDS_CLOSED},
 *       at most the reported; not judged without a report);</li>
 *   <li>establishments inspected ({@link TownMonths#INSPECTED_ESTABLISHMENTS});</li>
 *   <li>targeted learning participants and base, and the town's establishments, from the training rates of the
 *       month ({@link TownMonths#TRAINING_RATES}: {@code learningParticipants}, {@code learningBase},
 *       {@code establishments} as training-service's {@code TownRatesComputed} names them).</li>
 * </ul>
 * Not kept in that document and left null here until their read models are wired: overdue major hazards (the
 * hazard figures), staffing gaps (grid), handbooks adopted (manual); the establishment count of the grid register
 * replaces the training rates' count when wired.
 */
@Component
class TownMonthWarningInputs implements WarningInputs {

    private final TownMonthDocuments documents;

    TownMonthWarningInputs(TownMonthDocuments documents) {
        this.documents = documents;
    }

    @Override
    public TownInputs inputs(ReportTown town, YearMonth month, ProjectionSpace space) {
        Document d = documents.find(space, town.id(), month.toString()).orElseGet(Document::new);
        long reported = TownMonthDocuments.count(d, TownMonths.HAZARDS_REPORTED);
        long closed = Math.min(reported, TownMonthDocuments.count(d, TownMonths.HAZARDS_CLOSED));
        String rates = TownMonths.TRAINING_RATES + ".";
        Long establishments = TownMonthDocuments.number(d, rates + "establishments");
        return new TownInputs(town.id(), town.name(), establishments, reported, closed, reported, null,
                TownMonthDocuments.count(d, TownMonths.INSPECTED_ESTABLISHMENTS), null,
                TownMonthDocuments.number(d, rates + "learningParticipants"),
                TownMonthDocuments.number(d, rates + "learningBase"), null);
    }
}
