package org.liuhua.reporting.monthly.domain;

/** One town's row of the monthly progress table. */
public record ProgressRow(String townId, String townName, ProgressFigures figures) {
}
