package org.liuhua.reporting.monthly.domain;

import java.util.List;

/**
 * The monthly progress table of one month ({@code 2026-11}): one row per town in the order given, and the totals
 * of exactly those rows (a town officer's table has one row and its totals are that row).
 */
public record ProgressTable(String month, String title, List<ProgressRow> rows, ProgressFigures totals) {

    public static ProgressTable of(String month, List<ProgressRow> rows) {
        ProgressFigures totals = ProgressFigures.ZERO;
        for (ProgressRow row : rows) {
            totals = totals.plus(row.figures());
        }
        return new ProgressTable(month, ProgressColumn.TITLE, List.copyOf(rows), totals);
    }
}
