package org.liuhua.reporting.monthly;

import java.time.YearMonth;
import java.util.List;

import org.bson.Document;
import org.liuhua.kit.domain.ForbiddenException;
import org.liuhua.reporting.monthly.domain.ProgressFigures;
import org.liuhua.reporting.monthly.domain.ProgressRow;
import org.liuhua.reporting.monthly.domain.ProgressTable;
import org.liuhua.reporting.projection.ProjectionSpace;
import org.liuhua.reporting.projection.Projections;
import org.liuhua.reporting.projection.TownMonths;
import org.liuhua.reporting.scope.ReportScope;
import org.springframework.stereotype.Service;

/**
 * The monthly progress table: one row per town from its town-month document, read by {@code _id} in the active
 * generation. A town officer gets their town's row only (and totals of that row); the table is per town, so a
 * department officer, whose scope is their own hazards across towns, is refused.
 */
@Service
public class MonthlyProgress {

    private final TownRegister towns;
    private final TownMonthDocuments documents;
    private final Projections projections;

    MonthlyProgress(TownRegister towns, TownMonthDocuments documents, Projections projections) {
        this.towns = towns;
        this.documents = documents;
        this.projections = projections;
    }

    /** The towns a scope shows, in the register's order. */
    public List<ReportTown> townsOf(ReportScope scope) {
        return switch (scope.kind()) {
            case CITY -> towns.towns();
            case TOWN -> List.of(towns.town(scope.townId()));
            case DEPARTMENT -> throw new ForbiddenException(
                    "the monthly reports are per town; a department's own figures are not kept per town and month");
        };
    }

    public ProgressTable table(ReportScope scope, YearMonth month) {
        ProjectionSpace space = projections.active();
        String key = month.toString();
        List<ProgressRow> rows = townsOf(scope).stream()
                .map(t -> new ProgressRow(t.id(), t.name(), documents.find(space, t.id(), key)
                        .map(MonthlyProgress::figures).orElse(ProgressFigures.ZERO)))
                .toList();
        return ProgressTable.of(key, rows);
    }

    /** The form's figures from a town-month document, field by field as {@link TownMonths} names them. */
    static ProgressFigures figures(Document d) {
        return new ProgressFigures(
                TownMonthDocuments.count(d, TownMonths.SELF_CHECK_ESTABLISHMENTS),
                TownMonthDocuments.count(d, TownMonths.HAZARDS_SELF_CHECK_REPORTED),
                TownMonthDocuments.count(d, TownMonths.HAZARDS_SELF_CHECK_RECTIFIED),
                TownMonthDocuments.count(d, TownMonths.RULES_REVISED_ESTABLISHMENTS),
                TownMonthDocuments.count(d, TownMonths.RULES_REVISED),
                TownMonthDocuments.count(d, TownMonths.TRAINING_SESSION_ATTENDEES),
                TownMonthDocuments.count(d, TownMonths.TRAINING_DRILLS),
                TownMonthDocuments.count(d, TownMonths.INSPECTION_GROUPS),
                TownMonthDocuments.count(d, TownMonths.INSPECTION_VISITS)
                        + TownMonthDocuments.count(d, TownMonths.INSPECTION_VISIT_COUNT),
                TownMonthDocuments.count(d, TownMonths.HAZARDS_SUPERVISION_FOUND),
                TownMonthDocuments.count(d, TownMonths.HAZARDS_CASES_FILED),
                ProgressFigures.tenThousandCny(TownMonthDocuments.amount(d, TownMonths.HAZARDS_PENALTY_CNY)),
                TownMonthDocuments.count(d, TownMonths.INTERVIEWED_ESTABLISHMENTS));
    }
}
