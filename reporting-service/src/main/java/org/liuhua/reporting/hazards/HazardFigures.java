package org.liuhua.reporting.hazards;

import java.util.Map;

/** The city-wide hazard figures of the cockpit's headline. */
public record HazardFigures(long total, long open, long closed, double closureRate, long overdue, long openMajor,
                            Map<String, Long> byState, Map<String, Long> bySource, Map<String, Long> bySeverity) {
}
