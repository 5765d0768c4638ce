package org.liuhua.reporting.hazards;

/**
 * Hazards reported and closed in one month of the city.
 *
 * @param month    {@code 2026-11}, cut at the city's midnight
 * @param reported hazards reported in the month
 * @param closed   hazards closed in the month
 */
public record MonthFigures(String month, long reported, long closed) {
}
