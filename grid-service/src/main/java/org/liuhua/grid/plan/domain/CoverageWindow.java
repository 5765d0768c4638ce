package org.liuhua.grid.plan.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A calendar window in which an establishment must be patrolled at least once (G-4, rugao 2026: "每季度/每半年至少全覆盖
 * 巡查一次"): a calendar quarter ({@code 2026-Q4}) for the higher-risk, a calendar half-year ({@code 2026-H2}) for the
 * lower-risk establishments. Windows are days of the city (cut by the kit's {@code CityCalendar}), never rolling.
 *
 * @param kind  quarter or half-year
 * @param year  the calendar year
 * @param index 1–4 for quarters, 1–2 for half-years
 */
public record CoverageWindow(Kind kind, int year, int index) {

    public enum Kind {
        QUARTER(3, 'Q'), HALF_YEAR(6, 'H');

        private final int months;
        private final char letter;

        Kind(int months, char letter) {
            this.months = months;
            this.letter = letter;
        }

        /**
         * The window of a patrol frequency: up to 92 days (a quarter) is the calendar quarter, anything longer the
         * calendar half-year.
         */
        public static Kind ofFrequencyDays(int days) {
            return days <= 92 ? QUARTER : HALF_YEAR;
        }
    }

    private static final Pattern KEY = Pattern.compile("(\\d{4})-([QH])(\\d)");

    public CoverageWindow {
        int count = 12 / kind.months;
        if (index < 1 || index > count) {
            throw new IllegalArgumentException("no " + kind + " " + index);
        }
    }

    /** The window of this kind a day falls in. */
    public static CoverageWindow of(Kind kind, LocalDate day) {
        return new CoverageWindow(kind, day.getYear(), (day.getMonthValue() - 1) / kind.months + 1);
    }

    /** {@code 2026-Q4} or {@code 2026-H2}; null when the text is neither. */
    public static CoverageWindow parse(String key) {
        Matcher m = KEY.matcher(key == null ? "" : key.trim());
        if (!m.matches()) {
            return null;
        }
        Kind kind = m.group(2).equals("Q") ? Kind.QUARTER : Kind.HALF_YEAR;
        int index = Integer.parseInt(m.group(3));
        int year = Integer.parseInt(m.group(1));
        if (index < 1 || index > 12 / kind.months || year < 2000) {
            return null;
        }
        return new CoverageWindow(kind, year, index);
    }

    public String key() {
        return year + "-" + kind.letter + index;
    }

    /** The first day. */
    public LocalDate start() {
        return LocalDate.of(year, (index - 1) * kind.months + 1, 1);
    }

    /** The last day (inclusive). */
    public LocalDate end() {
        return start().plusMonths(kind.months).minusDays(1);
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(start()) && !day.isAfter(end());
    }

    public CoverageWindow previous() {
        return of(kind, start().minusDays(1));
    }

    public CoverageWindow next() {
        return of(kind, end().plusDays(1));
    }

    /** The windows of a kind that overlap this one (a half-year's two quarters; a quarter's half-year). */
    public List<CoverageWindow> overlapping(Kind other) {
        List<CoverageWindow> windows = new ArrayList<>();
        for (CoverageWindow w = of(other, start()); !w.start().isAfter(end()); w = w.next()) {
            windows.add(w);
        }
        return windows;
    }

    @Override
    public String toString() {
        return key();
    }
}
