package org.liuhua.grid.plan.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Where an establishment stands in its calendar coverage windows on a day (G-4). Its window is the calendar quarter
 * or half-year of that day ({@link CoverageWindow.Kind#ofFrequencyDays}). Patrolled with proof in the window by that
 * day: OK (next due by the end of the next window). Not yet patrolled in it: DUE by the window's last day — or
 * OVERDUE when the previous window also passed without a proven patrol (the day after a window ends, an establishment
 * not patrolled in it turns OVERDUE until it is patrolled).
 *
 * @param window          the window containing the day
 * @param coveredInWindow a proven patrol in the window on or before the day
 * @param coveredBefore   a proven patrol in the previous window
 */
public record PatrolSchedule(CoverageWindow window, boolean coveredInWindow, boolean coveredBefore) {

    public enum Status { OVERDUE, DUE, OK }

    public Status status() {
        if (coveredInWindow) {
            return Status.OK;
        }
        return coveredBefore ? Status.DUE : Status.OVERDUE;
    }

    /** The last day of the window whose patrol is outstanding (OK: the next window's). */
    public LocalDate dueBy() {
        return switch (status()) {
            case OK -> window.next().end();
            case DUE -> window.end();
            case OVERDUE -> window.previous().end();
        };
    }

    /** Days since the missed window ended (0 unless OVERDUE). */
    public long daysOverdueOn(LocalDate day) {
        return status() == Status.OVERDUE ? ChronoUnit.DAYS.between(window.previous().end(), day) : 0;
    }

    /** Days left in the window (0 on its last day; negative never, since the window contains the day). */
    public long daysLeftOn(LocalDate day) {
        return ChronoUnit.DAYS.between(day, window.end());
    }
}
