package org.liuhua.grid.plan.domain;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PatrolScheduleTest {

    @Test
    void windowsAreCalendarQuartersAndHalfYears() {
        CoverageWindow q4 = CoverageWindow.parse("2026-Q4");
        assertThat(q4.start()).isEqualTo(LocalDate.parse("2026-10-01"));
        assertThat(q4.end()).isEqualTo(LocalDate.parse("2026-12-31"));
        assertThat(q4.next().key()).isEqualTo("2027-Q1");
        assertThat(q4.previous().key()).isEqualTo("2026-Q3");
        CoverageWindow h1 = CoverageWindow.of(CoverageWindow.Kind.HALF_YEAR, LocalDate.parse("2026-06-30"));
        assertThat(h1.key()).isEqualTo("2026-H1");
        assertThat(h1.end()).isEqualTo(LocalDate.parse("2026-06-30"));
        assertThat(h1.overlapping(CoverageWindow.Kind.QUARTER)).extracting(CoverageWindow::key)
                .containsExactly("2026-Q1", "2026-Q2");
        assertThat(q4.overlapping(CoverageWindow.Kind.HALF_YEAR)).extracting(CoverageWindow::key)
                .containsExactly("2026-H2");
        assertThat(CoverageWindow.parse("2026-Q5")).isNull();
        assertThat(CoverageWindow.parse("2026-H3")).isNull();
        assertThat(CoverageWindow.parse("26-Q1")).isNull();
        assertThat(CoverageWindow.Kind.ofFrequencyDays(91)).isEqualTo(CoverageWindow.Kind.QUARTER);
        assertThat(CoverageWindow.Kind.ofFrequencyDays(182)).isEqualTo(CoverageWindow.Kind.HALF_YEAR);
    }

    @Test
    void unpatrolledInTheWindowIsDueAndOverdueOnceTheWindowBeforeWasMissedToo() {
        LocalDate day = LocalDate.parse("2026-10-15");
        CoverageWindow q4 = CoverageWindow.of(CoverageWindow.Kind.QUARTER, day);
        PatrolSchedule ok = new PatrolSchedule(q4, true, false);
        assertThat(ok.status()).isEqualTo(PatrolSchedule.Status.OK);
        assertThat(ok.dueBy()).isEqualTo(LocalDate.parse("2027-03-31"));
        PatrolSchedule due = new PatrolSchedule(q4, false, true);
        assertThat(due.status()).isEqualTo(PatrolSchedule.Status.DUE);
        assertThat(due.dueBy()).isEqualTo(LocalDate.parse("2026-12-31"));
        assertThat(due.daysLeftOn(day)).isEqualTo(77);
        PatrolSchedule overdue = new PatrolSchedule(q4, false, false);
        assertThat(overdue.status()).isEqualTo(PatrolSchedule.Status.OVERDUE);
        assertThat(overdue.dueBy()).isEqualTo(LocalDate.parse("2026-09-30"));
        assertThat(overdue.daysOverdueOn(day)).isEqualTo(15);
    }
}
