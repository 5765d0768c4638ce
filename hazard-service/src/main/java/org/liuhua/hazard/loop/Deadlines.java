package org.liuhua.hazard.loop;

import java.time.LocalDate;
import java.time.Period;

import org.liuhua.kit.domain.InvalidInputException;
import org.liuhua.kit.time.CityCalendar;
import org.springframework.stereotype.Component;

/**
 * The days a deadline may name: a hazard's rectification deadline lies between today (in the city's calendar) and
 * {@link #HORIZON} ahead; a rectification plan's own deadline (it may have been met already) within the horizon on
 * either side. Anything else (a typo, a number read as a day count) is a 400 naming the field before anything is
 * stored.
 */
@Component
public class Deadlines {

    /** How far ahead a deadline may lie: no rectification is planned further out. */
    public static final Period HORIZON = Period.ofYears(2);

    private final CityCalendar calendar;

    Deadlines(CityCalendar calendar) {
        this.calendar = calendar;
    }

    /** Why a hazard's deadline cannot be accepted, or null when it can. */
    public String problemWithDue(LocalDate deadline) {
        if (deadline == null) {
            return null;
        }
        LocalDate today = calendar.today();
        if (deadline.isBefore(today)) {
            return "must not lie in the past (today is " + today + ")";
        }
        if (deadline.isAfter(today.plus(HORIZON))) {
            return "must lie within two years (by " + today.plus(HORIZON) + ")";
        }
        return null;
    }

    /** A hazard's deadline: today or later, within the horizon; else 400 naming the field. */
    public void checkDue(String field, LocalDate deadline) {
        String problem = problemWithDue(deadline);
        if (problem != null) {
            throw new InvalidInputException(field, problem);
        }
    }

    /** A rectification plan's deadline: within the horizon before or after today; else 400 naming the field. */
    public void checkPlanned(String field, LocalDate deadline) {
        LocalDate today = calendar.today();
        if (deadline != null && (deadline.isBefore(today.minus(HORIZON)) || deadline.isAfter(today.plus(HORIZON)))) {
            throw new InvalidInputException(field, "must lie within two years of today (" + today + ")");
        }
    }
}
