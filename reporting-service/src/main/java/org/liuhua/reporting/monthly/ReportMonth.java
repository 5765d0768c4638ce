package org.liuhua.reporting.monthly;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import org.liuhua.kit.domain.InvalidInputException;
import org.liuhua.kit.time.CityCalendar;

/**
 * The {@code month} parameter of the reports: {@code YYYY-MM} in the city calendar, last month when absent, never a
 * month that has not begun (a 400 naming {@code month}).
 */
public final class ReportMonth {

    private static final Pattern SHAPE = Pattern.compile("\\d{4}-\\d{2}");

    private ReportMonth() {
    }

    public static YearMonth parse(String raw, CityCalendar calendar) {
        YearMonth current = YearMonth.from(calendar.today());
        if (raw == null || raw.isBlank()) {
            return current.minusMonths(1);
        }
        YearMonth month;
        try {
            if (!SHAPE.matcher(raw).matches()) {
                throw new DateTimeParseException("shape", raw, 0);
            }
            month = YearMonth.parse(raw);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("month", "a month as YYYY-MM, e.g. " + current.minusMonths(1));
        }
        if (month.isAfter(current)) {
            throw new InvalidInputException("month", "the month " + month + " has not begun (this month is "
                    + current + ")");
        }
        if (month.getYear() < 2000) {
            throw new InvalidInputException("month", "a month from 2000 on");
        }
        return month;
    }
}
