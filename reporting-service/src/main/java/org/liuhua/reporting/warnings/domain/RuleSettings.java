package org.liuhua.reporting.warnings.domain;

/**
 * The thresholds of the warning rules (configured as {@code liuhua.reporting.warnings.*}).
 *
 * @param uploadVolume          bottom share of towns by hazards reported per establishment, and the least number
 *                              of towns it selects
 * @param closure               the closure target, the bottom share among the towns under it, the least number of
 *                              towns, and the floor under which every town is warned (orange)
 * @param overdueMajorAllowed   overdue major hazards a town may have (warned when more)
 * @param patrolCoverageTarget  the least patrol coverage
 * @param staffingGapsAllowed   staffing gaps a town may have (warned when more)
 * @param trainingTarget        the least participation in targeted learning
 * @param handbookAdoptionFloor the adoption under which a town is warned
 */
public record RuleSettings(Quantile uploadVolume, Closure closure, Integer overdueMajorAllowed,
                           Double patrolCoverageTarget, Integer staffingGapsAllowed, Double trainingTarget,
                           Double handbookAdoptionFloor, java.util.Set<WarningRule> enabled) {

    /** The bottom {@code share} of towns, at least {@code atLeast} towns (towns tied with the last one included). */
    public record Quantile(double share, int atLeast) {
    }

    public record Closure(double target, Quantile bottom, double floor) {
    }

    public boolean enabled(WarningRule rule) {
        return enabled.contains(rule);
    }
}
