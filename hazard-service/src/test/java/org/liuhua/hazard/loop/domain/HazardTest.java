package org.liuhua.hazard.loop.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.liuhua.events.hazard.HazardFindingWithdrawn;
import org.liuhua.events.hazard.HazardReported;
import org.liuhua.events.hazard.HazardReviewed;
import org.liuhua.kit.time.CityCalendar;
import org.liuhua.kit.domain.ConflictException;
import org.liuhua.kit.domain.FieldProblem;
import org.liuhua.kit.domain.ForbiddenException;
import org.liuhua.kit.domain.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The aggregate's rules without Spring: transitions, 五到位, enforcement, escalation steps, the history chain. */
class HazardTest {

    static final Instant NOW = Instant.parse("2026-11-20T02:00:00Z");
    static final Actor REPORTER = new Actor("reporter", "inspector", "INSPECTOR", "insp-1", null);
    static final Actor TOWN = new Actor("town", "town-officer", "TOWN_OFFICER", null, null);
    static final Actor DEPT = new Actor("dept", "department-officer", "DEPARTMENT_OFFICER", null, null);
    static final CityCalendar CITY = CityCalendar.standard();

    static Hazard hazard(Severity severity, HazardSource source, String key) {
        return Hazard.report(new Finding("est-jinfeng-0001", "zjg-jinfeng", "dept-housing", "MACHINERY",
                "FIRE_SAFETY", severity, source, null, key, null, "消防通道堵塞", null, NOW, null), REPORTER, NOW,
                LocalDate.parse("2026-11-30"));
    }

    static Rectification complete() {
        return new Rectification("措施", "张经理", new BigDecimal("1000"), LocalDate.parse("2026-11-29"), "预案");
    }

    static Hazard inEnforcement(Severity severity, HazardSource source) {
        Hazard h = hazard(severity, source, null);
        h.transfer(true, null, null, TOWN, NOW, Duration.ofDays(3));
        if (severity == Severity.MAJOR) {
            h.orderSupervision("督-1", null, TOWN, NOW); // 督办在先: before the rectification
        }
        h.rectify(complete(), null, List.of(), DEPT, NOW); // not by the reviewer (谁整改、谁不复核)
        h.review(true, null, List.of(), TOWN, NOW);
        return h;
    }

    static Hazard patrolHazard(String ref) {
        return Hazard.report(new Finding("est-jinfeng-0001", "zjg-jinfeng", "dept-housing", "MACHINERY",
                "FIRE_SAFETY", Severity.MAJOR, HazardSource.GRID_PATROL, ref, "GRID_PATROL:" + ref, null, "灭火器过期",
                null, NOW, null), REPORTER, NOW, LocalDate.parse("2026-11-30"));
    }

    @Test
    void aWithdrawnFindingVoidsItsUntouchedHazardOnce() {
        Hazard h = patrolHazard("p-1:f-1");
        h.addEvidence("photo-1", "BEFORE", "abc", "image/png", 10, REPORTER, NOW); // the finding's own photo
        h.escalate(NOW.plus(Duration.ofDays(30)), LocalDate.parse("2026-12-20"), List.of(1, 3)); // the scheduler
        h.markWritten(1);
        assertThat(h.withdrawFinding("p-1:f-1", "误录", "zhou", NOW, REPORTER, NOW)).isTrue();
        assertThat(h.state()).isEqualTo(HazardState.VOIDED);
        assertThat(h.overdue()).isFalse();
        assertThat(h.voidReason()).isEqualTo("误录");
        assertThat(h.allowedCommands()).isEmpty();
        assertThat(h.registeredEvents()).singleElement().isInstanceOfSatisfying(HazardFindingWithdrawn.class, e -> {
            assertThat(e.voided()).isTrue();
            assertThat(e.state()).isEqualTo("VOIDED");
            assertThat(e.revision()).isEqualTo(h.revision());
        });
        long revision = h.revision();
        assertThat(h.withdrawFinding("p-1:f-1", "误录", "zhou", NOW, REPORTER, NOW)).as("redelivered").isFalse();
        assertThat(h.revision()).isEqualTo(revision);
        assertThatThrownBy(() -> h.transfer(true, null, null, TOWN, NOW, Duration.ofDays(3)))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> h.raiseSeverity("x", TOWN, NOW)).isInstanceOf(ConflictException.class);
        assertThat(h.firstBrokenEntry()).isEqualTo(-1);
    }

    @Test
    void aWithdrawnFindingKeepsAHazardSomeoneElseActedOn() {
        Hazard commented = patrolHazard("p-1:f-2");
        commented.addEvidence("photo-2", "BEFORE", "abc", "image/png", 10, TOWN, NOW); // an officer's photo
        assertThat(commented.withdrawFinding("p-1:f-2", "误录", "zhou", NOW, REPORTER, NOW)).isTrue();
        assertThat(commented.state()).isEqualTo(HazardState.REPORTED);
        assertThat(commented.history().get(commented.history().size() - 1).details()).contains("kept=acted-on");

        Hazard transferred = patrolHazard("p-1:f-3");
        transferred.transfer(true, null, null, TOWN, NOW, Duration.ofDays(3));
        transferred.markWritten(1);
        assertThat(transferred.withdrawFinding("p-1:f-3", null, "zhou", NOW, REPORTER, NOW)).isTrue();
        assertThat(transferred.state()).isEqualTo(HazardState.TRANSFERRED);
        assertThat(transferred.registeredEvents()).singleElement().isInstanceOfSatisfying(
                HazardFindingWithdrawn.class, e -> assertThat(e.voided()).isFalse());
        assertThat(transferred.allowedCommands()).contains("acknowledge");

        Hazard other = patrolHazard("p-1:f-4");
        assertThat(other.withdrawFinding("p-9:f-9", "另一条发现", "li", NOW, REPORTER, NOW)).isTrue();
        assertThat(other.state()).as("not its own finding").isEqualTo(HazardState.REPORTED);
    }

    @Test
    void aKeyedFindingGetsAnIdDerivedFromItsKey() {
        assertThat(hazard(Severity.GENERAL, HazardSource.GRID_PATROL, "GRID_PATROL:f-1").id())
                .isEqualTo(hazard(Severity.GENERAL, HazardSource.GRID_PATROL, "GRID_PATROL:f-1").id());
        assertThat(hazard(Severity.GENERAL, HazardSource.GRID_PATROL, null).id())
                .isNotEqualTo(hazard(Severity.GENERAL, HazardSource.GRID_PATROL, null).id());
    }

    @Test
    void aRectificationNeedsAllFiveParts() {
        Hazard h = hazard(Severity.GENERAL, HazardSource.GRID_PATROL, null);
        h.transfer(true, null, null, TOWN, NOW, Duration.ofDays(3));
        assertThatThrownBy(() -> h.rectify(new Rectification(" ", null, null, null, ""), null, List.of(), TOWN, NOW))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldProblem::field).containsExactly("measures", "responsiblePerson", "fundsCny",
                                "deadline", "contingencyPlan"));
        assertThat(h.state()).isEqualTo(HazardState.TRANSFERRED);
        assertThat(h.revision()).isEqualTo(2);
    }

    @Test
    void aTransferToADepartmentMustBeAcknowledgedBeforeRectifying() {
        Hazard h = hazard(Severity.GENERAL, HazardSource.GRID_PATROL, null);
        h.transfer(false, "dept-housing", null, TOWN, NOW, Duration.ofDays(3));
        assertThat(h.allowedCommands()).contains("acknowledge").doesNotContain("rectify");
        assertThatThrownBy(() -> h.rectify(complete(), null, List.of(), DEPT, NOW))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.currentState()).isEqualTo("TRANSFERRED");
                    assertThat(e.allowed()).contains("acknowledge");
                });
        h.acknowledge(null, DEPT, NOW);
        h.rectify(complete(), null, List.of(), DEPT, NOW);
        assertThat(h.state()).isEqualTo(HazardState.REVIEW);
    }

    @Test
    void theReporterDoesNotReviewAndAFailedReviewNeedsAReason() {
        Hazard h = hazard(Severity.GENERAL, HazardSource.GRID_PATROL, null);
        h.transfer(true, null, null, TOWN, NOW, Duration.ofDays(3));
        h.rectify(complete(), null, List.of(), DEPT, NOW);
        assertThatThrownBy(() -> h.review(true, null, List.of(), REPORTER, NOW))
                .isInstanceOf(ForbiddenException.class);
        Actor sameInspector = new Actor("other-subject", "x", "INSPECTOR", "insp-1", null);
        assertThatThrownBy(() -> h.review(true, null, List.of(), sameInspector, NOW))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> h.review(false, " ", List.of(), TOWN, NOW))
                .isInstanceOf(InvalidInputException.class);
        h.review(false, "未整改到位", List.of(), TOWN, NOW);
        assertThat(h.state()).isEqualTo(HazardState.RECTIFYING);
        assertThat(h.failedReviews()).isEqualTo(1);
    }

    @Test
    void whereRequiredAHazardClosesOnlyWithAPhotoAfterRectification() {
        Hazard h = inEnforcement(Severity.GENERAL, HazardSource.GRID_PATROL);
        h.enforce(EnforcementKind.NONE, null, null, null, TOWN, NOW);
        h.addEvidence("ev-before", "BEFORE", "sha", "image/png", 10, TOWN, NOW);
        assertThatThrownBy(() -> h.close(null, true, TOWN, NOW)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("AFTER");
        h.addEvidence("ev-after", "AFTER", "sha", "image/png", 10, TOWN, NOW);
        assertThat(h.hasEvidence("AFTER")).isTrue();
        h.close(null, true, TOWN, NOW);
        assertThat(h.state()).isEqualTo(HazardState.CLOSED);
    }

    @Test
    void majorHazardsAreExemptOnlyWhenSelfReportedAndNeedOrderAndSignOffToClose() {
        Hazard patrol = inEnforcement(Severity.MAJOR, HazardSource.GRID_PATROL);
        assertThatThrownBy(() -> patrol.enforce(EnforcementKind.EXEMPT, null, null, null, TOWN, NOW))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> patrol.enforce(EnforcementKind.NONE, null, null, null, TOWN, NOW))
                .isInstanceOf(InvalidInputException.class);

        Hazard self = inEnforcement(Severity.MAJOR, HazardSource.ENTERPRISE_SELF_CHECK);
        self.enforce(EnforcementKind.EXEMPT, null, null, "免予处罚", TOWN, NOW);
        assertThatThrownBy(() -> self.close(null, false, TOWN, NOW)).hasMessageContaining("sign-off");
        self.signOff("dept-housing", null, DEPT, NOW);
        self.close(null, false, TOWN, NOW);
        assertThat(self.state()).isEqualTo(HazardState.CLOSED);
        assertThat(self.allowedCommands()).isEmpty();
        assertThat(self.firstBrokenEntry()).isEqualTo(-1);
        assertThat(self.registeredEvents()).hasSize(self.history().size());
    }

    @Test
    void eachStepRegistersOnePlainEventCarryingTheHazardAfterIt() {
        Hazard h = inEnforcement(Severity.MAJOR, HazardSource.GRID_PATROL);
        List<Object> events = h.registeredEvents();
        assertThat(events).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("HazardReported", "HazardTransferred", "HazardSupervisionOrdered", "HazardRectified",
                        "HazardReviewed");
        HazardReported reported = (HazardReported) events.get(0);
        assertThat(reported.revision()).isEqualTo(1);
        assertThat(reported.version()).isEqualTo(1);
        assertThat(reported.state()).isEqualTo("REPORTED");
        assertThat(reported.actor()).isEqualTo(REPORTER.subject());
        assertThat(reported.actorRole()).isEqualTo("INSPECTOR");
        HazardReviewed reviewed = (HazardReviewed) events.get(4);
        assertThat(reviewed.hazardId()).isEqualTo(h.id());
        assertThat(reviewed.industry()).as("every event carries the establishment's industry").isEqualTo("MACHINERY");
        assertThat(reported.industry()).isEqualTo("MACHINERY");
        assertThat(reviewed.establishmentId()).isEqualTo("est-jinfeng-0001");
        assertThat(reviewed.departmentId()).isEqualTo("dept-housing");
        assertThat(reviewed.severity()).isEqualTo("MAJOR");
        assertThat(reviewed.source()).isEqualTo("GRID_PATROL");
        assertThat(reviewed.state()).isEqualTo("ENFORCEMENT");
        assertThat(reviewed.deadline()).isEqualTo(LocalDate.parse("2026-11-30"));
        assertThat(reviewed.revision()).isEqualTo(5);
        assertThat(reviewed.occurredAt()).isEqualTo(NOW);
        assertThat(reviewed.actor()).isEqualTo(TOWN.subject());
        assertThat(reviewed.actorRole()).isEqualTo("TOWN_OFFICER");
        assertThat(reviewed.passed()).isTrue();
    }

    @Test
    void aGeneralHazardRejectsSupervisionOrders() {
        Hazard h = hazard(Severity.GENERAL, HazardSource.GRID_PATROL, null);
        assertThatThrownBy(() -> h.orderSupervision("x", null, TOWN, NOW)).isInstanceOf(ConflictException.class);
    }

    @Test
    void escalationStepsComeOnceEachAtTheDeadlineAndAfter7And14Days() {
        Hazard h = hazard(Severity.GENERAL, HazardSource.GRID_PATROL, null);
        List<Integer> steps = List.of(0, 7, 14);
        assertThat(escalate(h, "2026-11-30T10:00:00Z", steps)).isFalse();
        assertThat(escalate(h, "2026-11-30T16:30:00Z", steps)).as("Dec 1st in China").isTrue();
        assertThat(h.overdue()).isTrue();
        assertThat(h.escalationLevel()).isEqualTo(1);
        assertThat(escalate(h, "2026-12-07T10:00:00Z", steps)).as("6 days past").isFalse();
        assertThat(escalate(h, "2026-12-08T01:00:00Z", steps)).isTrue();
        assertThat(h.escalationLevel()).isEqualTo(2);
        assertThat(escalate(h, "2027-02-01T01:00:00Z", steps)).isTrue();
        assertThat(h.escalationLevel()).isEqualTo(3);
        assertThat(escalate(h, "2027-03-01T01:00:00Z", steps)).isFalse();
        assertThat(h.history()).extracting(HistoryEntry::command)
                .containsExactly("report", "overdue", "escalate", "escalate", "escalate");
    }

    /** Escalates at an instant, on the day it is in the city (Asia/Shanghai). */
    static boolean escalate(Hazard h, String instant, List<Integer> steps) {
        Instant now = Instant.parse(instant);
        return h.escalate(now, CITY.dayOf(now), steps);
    }

    @Test
    void theSameCorroboratingFindingIsKeptOnce() {
        Hazard h = hazard(Severity.GENERAL, HazardSource.GRID_PATROL, null);
        Corroboration c = new Corroboration(HazardSource.THIRD_PARTY, "X-1", "THIRD_PARTY:f:X-1", "f", "s", "d", NOW);
        assertThat(h.corroborate(c, TOWN, NOW)).isTrue();
        assertThat(h.corroborate(c, TOWN, NOW)).isFalse();
        assertThat(h.corroborations()).hasSize(1);
    }

    @Test
    void eachHistoryEntryIsChainedToThePreviousOne() {
        Hazard h = inEnforcement(Severity.GENERAL, HazardSource.GRID_PATROL);
        List<HistoryEntry> history = h.history();
        assertThat(history.get(0).previousHash()).isEqualTo(HistoryEntry.GENESIS);
        for (int i = 1; i < history.size(); i++) {
            assertThat(history.get(i).previousHash()).isEqualTo(history.get(i - 1).hash());
            assertThat(history.get(i).recomputeHash()).isEqualTo(history.get(i).hash());
        }
        HistoryEntry e = history.get(1);
        HistoryEntry forged = new HistoryEntry(e.seq(), e.command(), e.fromState(), e.toState(), "someone-else",
                e.actorName(), e.actorRole(), e.at(), e.note(), e.evidenceIds(), e.details(), e.previousHash(),
                e.hash());
        assertThat(forged.recomputeHash()).isNotEqualTo(forged.hash());
    }
}
