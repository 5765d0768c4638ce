package org.liuhua.reporting.hazards.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.liuhua.kit.time.CityCalendar;
import org.liuhua.reporting.hazards.domain.Counters.Target;

import static org.assertj.core.api.Assertions.assertThat;

class HazardFactTest {

    static final CityCalendar CALENDAR = CityCalendar.standard();

    record Step(Milestone milestone, HazardChange change) {
    }

    static HazardChange change(String state, long revision, String at, Boolean overdue, String kind,
                               BigDecimal penalty, Integer level, String transferredTo, Boolean passed) {
        Instant time = Instant.parse(at);
        return new HazardChange("hz-1", "est-1", "zjg-jinfeng", "dept-housing", "MACHINERY", "FIRE_SAFETY",
                "MAJOR", "ENTERPRISE_SELF_CHECK", state, null, overdue, revision, time,
                revision == 1 ? time : null, state.equals("CLOSED") ? time : null, kind, null, penalty, level,
                transferredTo, passed, null);
    }

    static List<Step> history() {
        return List.of(
                new Step(Milestone.REPORTED, change("REPORTED", 1, "2026-10-31T16:30:00Z", false, null, null, null,
                        null, null)),
                new Step(Milestone.TRANSFERRED, change("TRANSFERRED", 2, "2026-11-02T01:00:00Z", false, null, null,
                        null, "dept-fire", null)),
                new Step(Milestone.OVERDUE, change("TRANSFERRED", 3, "2026-11-10T01:00:00Z", true, null, null, null,
                        null, null)),
                new Step(Milestone.ESCALATED, change("TRANSFERRED", 4, "2026-11-17T01:00:00Z", true, null, null, 2,
                        null, null)),
                new Step(Milestone.RECTIFIED, change("REVIEW", 5, "2026-11-20T01:00:00Z", true, null, null, null,
                        null, null)),
                new Step(Milestone.REVIEWED, change("RECTIFYING", 6, "2026-11-21T01:00:00Z", true, null, null, null,
                        null, false)),
                new Step(Milestone.REVIEWED, change("ENFORCEMENT", 7, "2026-11-25T01:00:00Z", true, null, null,
                        null, null, true)),
                new Step(Milestone.ENFORCED, change("ENFORCEMENT", 8, "2026-11-26T01:00:00Z", true, "PENALTY",
                        new BigDecimal("20000.50"), null, null, null)),
                new Step(Milestone.CLOSED, change("CLOSED", 9, "2026-12-01T01:00:00Z", true, null, null, null, null,
                        null)));
    }

    static HazardFact fold(List<Step> steps) {
        HazardFact fact = new HazardFact("hz-1");
        steps.forEach(s -> fact.apply(s.milestone(), s.milestone().name().toLowerCase(), s.change()));
        return fact;
    }

    @Test
    void anyOrderAndAnyRepetitionGiveTheSameFactAndTheSameContribution() {
        HazardFact inOrder = fold(history());
        Counters expected = Contributions.of(inOrder, CALENDAR);
        Random random = new Random(7);
        for (int i = 0; i < 50; i++) {
            List<Step> shuffled = new ArrayList<>(history());
            shuffled.addAll(history().subList(0, random.nextInt(history().size())));
            Collections.shuffle(shuffled, random);
            Counters c = Contributions.of(fold(shuffled), CALENDAR);
            Counters difference = new Counters();
            difference.add(c, 1);
            difference.add(expected, -1);
            assertThat(difference.isEmpty()).as("order " + i).isTrue();
        }
    }

    @Test
    void theFactKeepsEveryMilestoneAndTheNewestState() {
        HazardFact f = fold(history());

        assertThat(f.state).isEqualTo("CLOSED");
        assertThat(f.revision).isEqualTo(9);
        assertThat(f.supervisingDepartment()).isEqualTo("dept-fire");
        assertThat(f.reportedAt).isEqualTo(Instant.parse("2026-10-31T16:30:00Z"));
        assertThat(f.overdueAt).isEqualTo(Instant.parse("2026-11-10T01:00:00Z"));
        assertThat(f.escalatedAt).containsKey(2);
        assertThat(f.reviewFailedAt).isEqualTo(Instant.parse("2026-11-21T01:00:00Z"));
        assertThat(f.reviewPassedAt).isEqualTo(Instant.parse("2026-11-25T01:00:00Z"));
        assertThat(f.penaltyCny).isEqualByComparingTo("20000.50");
        assertThat(f.caseFiled()).isTrue();
        assertThat(f.needsAttention()).as("closed").isFalse();

        Counters c = Contributions.of(f, CALENDAR);
        // reported 00:30 on 1 November in the city, closed in December, overdue from November to December
        assertThat(c.of(Target.MONTHS).get("town:zjg-jinfeng@2026-11")).containsEntry("reported", 1L)
                .containsEntry("selfCheckReported", 1L).containsEntry("selfCheckRectified", 1L)
                .containsEntry("overdueStarted", 1L).containsEntry("casesFiled", 1L)
                .containsEntry("penaltyFen", 2000050L);
        assertThat(c.of(Target.MONTHS).get("town:zjg-jinfeng@2026-12")).containsEntry("closed", 1L)
                .containsEntry("overdueEnded", 1L);
        assertThat(c.of(Target.FIGURES).get("department:dept-fire")).containsEntry("total", 1L)
                .containsEntry("closed", 1L).containsEntry("byState.CLOSED", 1L);
        assertThat(c.of(Target.FIGURES)).doesNotContainKey("department:dept-housing");
        assertThat(c.of(Target.DAYS).get("city@2026-11-01")).containsEntry("reported", 1L);
    }

    @Test
    void aStaleEventFillsWhatIsMissingButChangesNoNewerState() {
        HazardFact f = new HazardFact("hz-1");
        f.apply(Milestone.CLOSED, "closed", change("CLOSED", 9, "2026-12-01T01:00:00Z", false, null, null, null,
                null, null));
        f.apply(Milestone.OVERDUE, "overdue", change("TRANSFERRED", 3, "2026-11-10T01:00:00Z", true, null, null,
                null, null, null));

        assertThat(f.state).isEqualTo("CLOSED");
        assertThat(f.overdue).isFalse();
        assertThat(f.overdueAt).isNotNull();
        assertThat(Contributions.of(f, CALENDAR).of(Target.MONTHS)).as("no report seen yet: no month").isEmpty();
    }

    @Test
    void aRefusedTransferGoesBackToTheTownAndARerouteToItsNewDepartmentInAnyOrder() {
        HazardChange transferred = change("TRANSFERRED", 2, "2026-11-02T01:00:00Z", false, null, null, null,
                "dept-fire", null);
        HazardChange refused = change("REPORTED", 3, "2026-11-03T01:00:00Z", false, null, null, null, null, null);
        HazardChange rerouted = new HazardChange("hz-1", "est-1", "zjg-jinfeng", "dept-housing", "MACHINERY",
                "FIRE_SAFETY", "MAJOR", "ENTERPRISE_SELF_CHECK", "TRANSFERRED", null, false, 4,
                Instant.parse("2026-11-04T01:00:00Z"), null, null, null, null, null, null, null, null,
                "dept-transport");
        List<Step> steps = List.of(new Step(Milestone.TRANSFERRED, transferred),
                new Step(Milestone.TRANSFER_REFUSED, refused));
        assertThat(fold(steps).supervisingDepartment()).isEqualTo("dept-housing");
        assertThat(fold(List.of(steps.get(1), steps.get(0))).supervisingDepartment()).as("the refusal is newer")
                .isEqualTo("dept-housing");
        List<Step> all = new ArrayList<>(steps);
        all.add(new Step(Milestone.TRANSFERRED, rerouted));
        for (int i = 0; i < 6; i++) {
            Collections.shuffle(all, new Random(i));
            assertThat(fold(all).supervisingDepartment()).isEqualTo("dept-transport");
        }
    }
}
