package org.liuhua.reporting.warnings.domain;

import java.util.Map;

/** One warning of a month: the town, the rule, its level, the reason as a Chinese sentence with the figures, the figures. */
public record Warning(String townId, String townName, WarningRule rule, WarningRule.Level level, String reason,
                      Map<String, Object> figures) {
}
