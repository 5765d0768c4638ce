package org.liuhua.training.staff;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.liuhua.kit.domain.InvalidInputException;
import org.liuhua.training.certificate.domain.Certificate;
import org.liuhua.training.staff.domain.IdentityNumber;
import org.liuhua.training.staff.domain.InductionLevel;
import org.liuhua.training.staff.domain.InductionRules;
import org.liuhua.training.staff.domain.Staff;
import org.liuhua.training.staff.domain.StaffDraft;
import org.liuhua.training.staff.domain.StaffRole;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules of the staff record and the certificate, without Spring. */
class StaffTest {

    static final InductionRules RULES = new InductionRules(Map.of(InductionLevel.COMPANY, 8.0,
            InductionLevel.WORKSHOP, 8.0, InductionLevel.TEAM, 8.0), 60, List.of(InductionLevel.values()));
    static final Instant T0 = Instant.parse("2026-11-01T01:00:00Z");

    static Staff hired() {
        return Staff.register("est-1", "town-1", new StaffDraft("E1", "王伟", "FRONT_LINE", "装配工", "一车间", "甲班",
                null, LocalDate.parse("2026-10-01"), null, null), null, T0, "test");
    }

    @Test
    void allThreeLevelsArePassedBeforeWorkAndAgainAfterAPostChange() {
        Staff s = hired();
        assertThat(s.missingLevels()).containsExactly(InductionLevel.COMPANY, InductionLevel.WORKSHOP,
                InductionLevel.TEAM);
        s.recordInduction(InductionLevel.COMPANY, LocalDate.parse("2026-09-28"), 8.0, "安全科", 80, 80, RULES,
                T0.plusSeconds(1), "t");
        s.recordInduction(InductionLevel.WORKSHOP, LocalDate.parse("2026-09-29"), 8.0, "车间", 80, 80, RULES,
                T0.plusSeconds(2), "t");
        assertThat(s.recordInduction(InductionLevel.TEAM, LocalDate.parse("2026-09-30"), 4.0, "班组", 90, 90, RULES,
                T0.plusSeconds(3), "t").passed()).as("below the minimum hours").isFalse();
        assertThat(s.inductionViolation()).isTrue();
        s.recordInduction(InductionLevel.TEAM, LocalDate.parse("2026-09-30"), 8.0, "班组", 90, 90, RULES,
                T0.plusSeconds(4), "t");
        assertThat(s.inductionViolation()).isFalse();

        s.changePost(null, "电焊工", "一车间", "甲班", null, LocalDate.parse("2026-11-10"), null,
                RULES.reinductionLevels(), T0.plusSeconds(10), "t");
        assertThat(s.missingLevels()).hasSize(3);
        assertThat(s.history()).extracting("kind").containsExactly("HIRED", "POST");
        assertThatThrownBy(() -> s.changePost(null, "电焊工", "一车间", "甲班", null, LocalDate.parse("2026-11-11"),
                null, RULES.reinductionLevels(), T0.plusSeconds(11), "t")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void theIdIsDerivedFromTheNaturalKeyAndIdNumbersAreCheckedAndMasked() {
        assertThat(hired().id()).isEqualTo("est-1-E1");
        assertThat(Staff.idFor("est-1", null, "a".repeat(64))).isEqualTo("est-1-id" + "a".repeat(16));
        assertThat(IdentityNumber.valid("11010519491231002X")).isTrue();
        assertThat(IdentityNumber.valid("110105194912310021")).isFalse();
        assertThat(IdentityNumber.mask("11010519491231002X")).isEqualTo("110***********002X");
        assertThat(new StaffDraft(null, "x", "BOSS", "p", null, null, null, null, null, null).problems())
                .extracting("field").contains("employeeNo", "role", "hireDate");
    }

    @Test
    void aCertificateIsRemindedAtTheSmallestThresholdItsDaysLeftFallWithin() {
        Certificate c = Certificate.register("crt-1", "est-1-E1", "est-1", "town-1", StaffRole.SPECIAL_OPERATIONS,
                "电工作业", "T1", "苏州市应急管理局", LocalDate.parse("2021-01-01"), LocalDate.parse("2026-12-21"), T0,
                "t");
        List<Integer> thresholds = List.of(90, 60, 30, 7);
        assertThat(c.dueReminder(LocalDate.parse("2026-12-01"), thresholds)).isEqualTo(30);
        assertThat(c.dueReminder(LocalDate.parse("2026-12-15"), thresholds)).isEqualTo(7);
        assertThat(c.dueReminder(LocalDate.parse("2026-06-01"), thresholds)).isNull();
        assertThat(c.dueReminder(LocalDate.parse("2026-12-22"), thresholds)).isZero();
        assertThat(c.validOn(LocalDate.parse("2026-12-21"))).isTrue();
        assertThat(c.validOn(LocalDate.parse("2026-12-22"))).isFalse();
    }
}
