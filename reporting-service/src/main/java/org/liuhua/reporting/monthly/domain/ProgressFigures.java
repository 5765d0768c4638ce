package org.liuhua.reporting.monthly.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The thirteen figures of one row of the monthly progress table. Counts are whole numbers; the penalty is in 10,000
 * CNY (万元) with two decimals, as the form asks.
 */
public record ProgressFigures(long selfCheckEnterprises, long selfCheckHazards, long selfCheckRectified,
                              long rulesRevisingEnterprises, long rulesRevised, long trainingPersonTimes, long drills,
                              long inspectionGroups, long establishmentsInspected, long hazardsFound, long casesFiled,
                              BigDecimal penaltyTenThousandCny, long warningInterviews) {

    public static final ProgressFigures ZERO = new ProgressFigures(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            BigDecimal.ZERO.setScale(2), 0);

    public ProgressFigures {
        penaltyTenThousandCny = (penaltyTenThousandCny == null ? BigDecimal.ZERO : penaltyTenThousandCny)
                .setScale(2, RoundingMode.HALF_UP);
    }

    /** A penalty amount in CNY as the form's 万元, rounded to two decimals. */
    public static BigDecimal tenThousandCny(BigDecimal cny) {
        return cny.movePointLeft(4).setScale(2, RoundingMode.HALF_UP);
    }

    /** The figure of a column: a {@code Long}, or a {@code BigDecimal} for the penalty. */
    public Number value(ProgressColumn column) {
        return switch (column) {
            case SELF_CHECK_ENTERPRISES -> selfCheckEnterprises;
            case SELF_CHECK_HAZARDS -> selfCheckHazards;
            case SELF_CHECK_RECTIFIED -> selfCheckRectified;
            case RULES_REVISING_ENTERPRISES -> rulesRevisingEnterprises;
            case RULES_REVISED -> rulesRevised;
            case TRAINING_PERSON_TIMES -> trainingPersonTimes;
            case DRILLS -> drills;
            case INSPECTION_GROUPS -> inspectionGroups;
            case ESTABLISHMENTS_INSPECTED -> establishmentsInspected;
            case HAZARDS_FOUND -> hazardsFound;
            case CASES_FILED -> casesFiled;
            case PENALTY_TEN_THOUSAND_CNY -> penaltyTenThousandCny;
            case WARNING_INTERVIEWS -> warningInterviews;
        };
    }

    /** Column by column sum: the totals row adds the rows as they are shown (the penalty as rounded per town). */
    public ProgressFigures plus(ProgressFigures other) {
        return new ProgressFigures(selfCheckEnterprises + other.selfCheckEnterprises,
                selfCheckHazards + other.selfCheckHazards, selfCheckRectified + other.selfCheckRectified,
                rulesRevisingEnterprises + other.rulesRevisingEnterprises, rulesRevised + other.rulesRevised,
                trainingPersonTimes + other.trainingPersonTimes, drills + other.drills,
                inspectionGroups + other.inspectionGroups, establishmentsInspected + other.establishmentsInspected,
                hazardsFound + other.hazardsFound, casesFiled + other.casesFiled,
                penaltyTenThousandCny.add(other.penaltyTenThousandCny), warningInterviews + other.warningInterviews);
    }
}
