package org.liuhua.reporting.warnings;

import java.time.YearMonth;

import java.util.List;

import org.bson.Document;
import org.liuhua.reporting.grid.Denominators;
import org.liuhua.reporting.grid.GridFigures;
import org.liuhua.reporting.handbooks.HandbooksProjector;
import org.liuhua.reporting.hazards.HazardResults;
import org.liuhua.reporting.hazards.HazardStatistics;
import org.liuhua.reporting.scope.ReportScope;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.liuhua.reporting.monthly.ReportTown;
import org.liuhua.reporting.monthly.TownMonthDocuments;
import org.liuhua.reporting.projection.ProjectionSpace;
import org.liuhua.reporting.projection.TownMonths;
import org.liuhua.reporting.warnings.domain.TownInputs;
import org.springframework.stereotype.Component;

/**
 * The warning inputs of a town in a month, all read by {@code _id} from pre-shaped documents of the generation:
 * <ul>
 *   <li>hazards reported and closed in the month ({@code town_months}: {@link TownMonths#HAZARDS_REPORTED},
 *       {@link TownMonths#HAZARDS_CLOSED}, closed at most the reported; not judged without a report);</li>
 *   <li>major hazards overdue and not closed at the end of the month (the hazard month figures,
 *       {@link HazardStatistics#months});</li>
 *   <li>establishments of the town (the grid register's denominators; the training rates' count before grid has
 *       published any) and those inspected with proof ({@link TownMonths#INSPECTED_ESTABLISHMENTS});</li>
 *   <li>staffing gaps of the town as they stand (key patrol units without a current full-time inspector);</li>
 *   <li>targeted learning participants and base from the month's training rates ({@link TownMonths#TRAINING_RATES});</li>
 *   <li>establishments with an adopted handbook ({@code handbook_counts} of the town).</li>
 * </ul>
 */
@Component
class TownMonthWarningInputs implements WarningInputs {

    private final TownMonthDocuments documents;
    private final HazardStatistics hazards;
    private final GridFigures grid;
    private final MongoTemplate mongo;

    TownMonthWarningInputs(TownMonthDocuments documents, HazardStatistics hazards, GridFigures grid,
                           MongoTemplate mongo) {
        this.documents = documents;
        this.hazards = hazards;
        this.grid = grid;
        this.mongo = mongo;
    }

    @Override
    public TownInputs inputs(ReportTown town, YearMonth month, ProjectionSpace space) {
        Document d = documents.find(space, town.id(), month.toString()).orElseGet(Document::new);
        long reported = TownMonthDocuments.count(d, TownMonths.HAZARDS_REPORTED);
        long closed = Math.min(reported, TownMonthDocuments.count(d, TownMonths.HAZARDS_CLOSED));
        String rates = TownMonths.TRAINING_RATES + ".";
        long registered = GridFigures.total(grid.counts(space, Denominators.town(town.id())));
        Long establishments = registered > 0 ? Long.valueOf(registered)
                : TownMonthDocuments.number(d, rates + "establishments");
        List<HazardResults.MonthRow> months = hazards.months(ReportScope.town(town.id()), month, month);
        Long overdueMajor = months.isEmpty() ? null : months.get(months.size() - 1).overdueMajorAtEnd();
        Document handbooks = mongo.findById(Denominators.town(town.id()), Document.class,
                space.collection(HandbooksProjector.COUNTS));
        Long adopted = handbooks == null ? (registered > 0 ? 0L : null) : TownMonthDocuments.number(handbooks, "adopted");
        return new TownInputs(town.id(), town.name(), establishments, reported, closed, reported, overdueMajor,
                TownMonthDocuments.count(d, TownMonths.INSPECTED_ESTABLISHMENTS),
                (long) grid.staffingGaps(space, town.id()).size(),
                TownMonthDocuments.number(d, rates + "learningParticipants"),
                TownMonthDocuments.number(d, rates + "learningBase"), adopted);
    }
}
