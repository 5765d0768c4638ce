package org.liuhua.grid.plan.domain;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PatrolScheduleTest {

    private static final LocalDate AS_OF = LocalDate.parse("2026-10-15");

    @Test
    void withoutAProvenVisitTheEstablishmentIsOverdueWithNoDueDate() {
        PatrolSchedule never = new PatrolSchedule(91, null);
        assertThat(never.statusOn(AS_OF, 30)).isEqualTo(PatrolSchedule.Status.OVERDUE);
        assertThat(never.dueBy()).isNull();
        assertThat(never.daysOverdueOn(AS_OF)).isZero();
    }

    @Test
    void onTheDayTheFrequencyRunsOutItIsOverdue() {
        PatrolSchedule major = new PatrolSchedule(91, AS_OF.minusDays(91));
        assertThat(major.dueBy()).isEqualTo(AS_OF);
        assertThat(major.statusOn(AS_OF, 30)).isEqualTo(PatrolSchedule.Status.OVERDUE);
        assertThat(major.statusOn(AS_OF.minusDays(1), 30)).isEqualTo(PatrolSchedule.Status.DUE);
        assertThat(major.daysOverdueOn(AS_OF.plusDays(4))).isEqualTo(4);
    }

    @Test
    void itIsDueWithinTheDueSoonWindowAndOkBefore() {
        PatrolSchedule low = new PatrolSchedule(182, AS_OF.minusDays(100));
        assertThat(low.dueBy()).isEqualTo(AS_OF.plusDays(82));
        assertThat(low.statusOn(AS_OF, 30)).isEqualTo(PatrolSchedule.Status.OK);
        assertThat(low.statusOn(AS_OF.plusDays(52), 30)).isEqualTo(PatrolSchedule.Status.DUE);
        assertThat(low.statusOn(AS_OF.plusDays(51), 30)).isEqualTo(PatrolSchedule.Status.OK);
        assertThat(low.overdueOn(AS_OF.plusDays(81))).isFalse();
    }
}
