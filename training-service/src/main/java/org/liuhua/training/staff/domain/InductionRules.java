package org.liuhua.training.staff.domain;

import java.util.List;
import java.util.Map;

/**
 * The induction policy (configuration): least hours per level, the least passing score, and the levels required again
 * after a post or process change.
 */
public record InductionRules(Map<InductionLevel, Double> minimumHours, int passScore,
                             List<InductionLevel> reinductionLevels) {

    public InductionRules {
        minimumHours = Map.copyOf(minimumHours);
        reinductionLevels = List.copyOf(reinductionLevels);
    }

    public double minimumHours(InductionLevel level) {
        return minimumHours.getOrDefault(level, 0.0);
    }
}
