package org.liuhua.reporting.warnings.domain;

/**
 * A rule as the month's list shows it: whether it is on, its condition in words, the policy it follows, and how many
 * towns it could not judge for want of figures.
 */
public record RuleDescription(WarningRule rule, String title, boolean enabled, WarningRule.Level level,
                              String condition, String basis, int townsWithoutFigures) {
}
