package org.liuhua.kit.time;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/**
 * The one place where days, weeks, months, quarters and half-years of the city are cut ({@code liuhua.zone}, default
 * {@code Asia/Shanghai}). Every service computes "today", month keys, patrol periods and deadlines here, never with a
 * zone of its own.
 */
public final class CityCalendar {

    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    private final ZoneId zone;
    private final Clock clock;

    public CityCalendar(ZoneId zone, Clock clock) {
        this.zone = zone == null ? DEFAULT_ZONE : zone;
        this.clock = clock == null ? Clock.systemUTC() : clock;
    }

    /** A calendar of the default zone on the system clock (tests and tools). */
    public static CityCalendar standard() {
        return new CityCalendar(DEFAULT_ZONE, Clock.systemUTC());
    }

    public ZoneId zone() {
        return zone;
    }

    /** Now, to the millisecond (what the store keeps). */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    public LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    public YearMonth monthOf(Instant instant) {
        return YearMonth.from(dayOf(instant));
    }

    /** {@code 2026-11}: the key of the month an instant falls in, in the city's zone. */
    public String monthKey(Instant instant) {
        return monthOf(instant).toString();
    }

    /** {@code 2026-Q4}. */
    public String quarterKey(Instant instant) {
        LocalDate day = dayOf(instant);
        return day.getYear() + "-Q" + day.get(IsoFields.QUARTER_OF_YEAR);
    }

    /** {@code 2026-H2}. */
    public String halfYearKey(Instant instant) {
        LocalDate day = dayOf(instant);
        return day.getYear() + "-H" + (day.getMonthValue() <= 6 ? 1 : 2);
    }

    /** The first instant of a day in the city. */
    public Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    /** The first instant after a day ends (exclusive bound). */
    public Instant endOf(LocalDate day) {
        return startOf(day.plusDays(1));
    }

    public Instant startOf(YearMonth month) {
        return startOf(month.atDay(1));
    }

    /** The first instant of the next month (exclusive bound). */
    public Instant endOf(YearMonth month) {
        return startOf(month.plusMonths(1));
    }

    /** The first day of the calendar quarter a day falls in. */
    public static LocalDate quarterStart(LocalDate day) {
        return day.withDayOfMonth(1).withMonth(((day.getMonthValue() - 1) / 3) * 3 + 1);
    }

    /** The first day of the half-year a day falls in. */
    public static LocalDate halfYearStart(LocalDate day) {
        return day.withDayOfYear(1).withMonth(day.getMonthValue() <= 6 ? 1 : 7);
    }

    /** Monday of the week a day falls in. */
    public static LocalDate weekStart(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
