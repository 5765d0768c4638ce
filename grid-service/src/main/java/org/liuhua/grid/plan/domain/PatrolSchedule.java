package org.liuhua.grid.plan.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * When an establishment must be patrolled next (G-4): its patrol frequency runs from the day of its last proven visit
 * (device time, as a day of the city). Without a proven visit it is overdue. On the day the frequency has run out it
 * is overdue (a MAJOR establishment last visited 91 days ago is); within the due-soon window before that it is due.
 *
 * @param frequencyDays   days allowed between two patrols of this establishment
 * @param lastProvenVisit the day of its last proven visit, or null
 */
public record PatrolSchedule(int frequencyDays, LocalDate lastProvenVisit) {

    public enum Status { OVERDUE, DUE, OK }

    /** The first day on which the establishment is overdue; null when it has never been visited (overdue now). */
    public LocalDate dueBy() {
        return lastProvenVisit == null ? null : lastProvenVisit.plusDays(frequencyDays);
    }

    public Status statusOn(LocalDate day, int dueSoonDays) {
        if (overdueOn(day)) {
            return Status.OVERDUE;
        }
        return day.isBefore(dueBy().minusDays(dueSoonDays)) ? Status.OK : Status.DUE;
    }

    /** Whether the patrol has fallen due by the end of this day. */
    public boolean overdueOn(LocalDate day) {
        return lastProvenVisit == null || !day.isBefore(dueBy());
    }

    /** Days since the patrol fell due (0 when it is not overdue, or was never made). */
    public long daysOverdueOn(LocalDate day) {
        return lastProvenVisit == null || !overdueOn(day) ? 0 : ChronoUnit.DAYS.between(dueBy(), day);
    }
}
