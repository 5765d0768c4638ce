package org.liuhua.reporting.warnings.domain;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class WarningRulesTest {

    static RuleSettings defaults(EnumSet<WarningRule> enabled) {
        return new RuleSettings(new RuleSettings.Quantile(0.2, 1),
                new RuleSettings.Closure(1.0, new RuleSettings.Quantile(0.2, 1), 0.6), 0, 0.9, 0, 0.8, 0.8,
                enabled);
    }

    static RuleSettings only(WarningRule rule) {
        return defaults(EnumSet.of(rule));
    }

    /** A town with the figures every rule needs, all of them meeting the targets. */
    static TownInputs good(String id) {
        return new TownInputs(id, "镇" + id, 100L, 300L, 50L, 50L, 0L, 95L, 0L, 90L, 100L, 90L);
    }

    static List<TownInputs> tenTowns() {
        List<TownInputs> towns = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            // hazards per establishment: town i has i × 10 reports on 100 establishments
            TownInputs g = good("t" + i);
            towns.add(new TownInputs(g.townId(), g.townName(), 100L, i * 10L, g.closureClosed(), g.closureBase(),
                    g.overdueMajor(), g.establishmentsInspected(), g.staffingGaps(), g.trainingParticipants(),
                    g.trainingBase(), g.handbooksAdopted()));
        }
        return towns;
    }

    @Test
    void theLowestFifthOfTheTownsByUploadsPerEstablishmentIsWarnedWithItsFigures() {
        List<Warning> warnings = new WarningRules(only(WarningRule.UPLOAD_VOLUME_LOW)).evaluate("2026-11", tenTowns());

        assertThat(warnings).extracting(Warning::townId, Warning::rule, Warning::level)
                .containsExactly(tuple("t1", WarningRule.UPLOAD_VOLUME_LOW, WarningRule.Level.YELLOW),
                        tuple("t2", WarningRule.UPLOAD_VOLUME_LOW, WarningRule.Level.YELLOW));
        Warning lowest = warnings.get(0);
        assertThat(lowest.reason()).isEqualTo(
                "2026年11月上报隐患10条，辖区企业100家，户均0.10条，列全市10个区镇（街道）倒数第1位（后20%），上传数据量少。");
        assertThat(lowest.figures()).containsEntry("hazardsReported", 10L).containsEntry("establishments", 100L)
                .containsEntry("perEstablishment", 0.1).containsEntry("rankFromBottom", 1)
                .containsEntry("townsRanked", 10);
        assertThat(warnings.get(1).figures()).containsEntry("rankFromBottom", 2);
    }

    @Test
    void atLeastOneTownIsTakenAndTownsTiedWithTheCutAreTakenTooButTownsWithoutFiguresAreNotRanked() {
        List<TownInputs> towns = List.of(
                new TownInputs("a", "甲镇", 50L, 5L, null, null, null, null, null, null, null, null),
                new TownInputs("b", "乙镇", 100L, 10L, null, null, null, null, null, null, null, null),
                new TownInputs("c", "丙镇", 100L, 90L, null, null, null, null, null, null, null, null),
                // no establishments known: not ranked, not warned
                new TownInputs("d", "丁镇", null, 0L, null, null, null, null, null, null, null, null),
                new TownInputs("e", "戊镇", 0L, 0L, null, null, null, null, null, null, null, null));
        WarningRules rules = new WarningRules(only(WarningRule.UPLOAD_VOLUME_LOW));

        // 20 % of 3 ranked towns is 0: at least one; a and b are tied at 0.1 per establishment
        assertThat(rules.evaluate("2026-11", towns)).extracting(Warning::townId).containsExactly("a", "b");
        assertThat(rules.describe(towns)).filteredOn(r -> r.rule() == WarningRule.UPLOAD_VOLUME_LOW)
                .extracting(RuleDescription::townsWithoutFigures).containsExactly(2);
    }

    @Test
    void closureWarnsTheLowestTownsUnderTheTargetAndEveryTownUnderTheFloorInOrange() {
        List<TownInputs> towns = new ArrayList<>();
        long[] closed = {50, 50, 50, 49, 48, 47, 46, 45, 20, 10}; // of 50 each
        for (int i = 0; i < closed.length; i++) {
            TownInputs g = good("t" + (i + 1));
            towns.add(new TownInputs(g.townId(), g.townName(), 100L, 300L, closed[i], 50L, 0L, 95L, 0L, 90L, 100L,
                    90L));
        }
        List<Warning> warnings = new WarningRules(only(WarningRule.CLOSURE_SLOW)).evaluate("2026-11", towns);

        // the two lowest of ten (t10, t9) are under the 60 % floor: orange; no other town is in the bottom fifth
        assertThat(warnings).extracting(Warning::townId, Warning::level)
                .containsExactly(tuple("t9", WarningRule.Level.ORANGE), tuple("t10", WarningRule.Level.ORANGE));
        assertThat(warnings.get(1).reason()).isEqualTo(
                "2026年11月隐患整改率20%（已整改10条，应整改50条），低于60%的预警线，整改推进慢。");

        // raising the share to 40 % takes t8 and t7 (yellow: under the target, above the floor)
        RuleSettings wider = new RuleSettings(new RuleSettings.Quantile(0.2, 1),
                new RuleSettings.Closure(1.0, new RuleSettings.Quantile(0.4, 1), 0.6), 0, 0.9, 0, 0.8, 0.8,
                EnumSet.of(WarningRule.CLOSURE_SLOW));
        List<Warning> more = new WarningRules(wider).evaluate("2026-11", towns);
        assertThat(more).extracting(Warning::townId, Warning::level).containsExactly(
                tuple("t7", WarningRule.Level.YELLOW), tuple("t8", WarningRule.Level.YELLOW),
                tuple("t9", WarningRule.Level.ORANGE), tuple("t10", WarningRule.Level.ORANGE));
        assertThat(more.get(1).reason()).isEqualTo(
                "2026年11月隐患整改率90%（已整改45条，应整改50条），低于100%的目标，列全市10个区镇（街道）倒数第3位，整改推进慢。");
    }

    @Test
    void aTownAtTheClosureTargetIsNeverInTheBottomEvenWhenAllTownsAreThere() {
        List<TownInputs> towns = List.of(good("a"), good("b"), good("c"));

        assertThat(new WarningRules(only(WarningRule.CLOSURE_SLOW)).evaluate("2026-11", towns)).isEmpty();
    }

    @Test
    void thresholdRulesWarnEachTownThatMissesItsTargetWithTheFiguresInTheReason() {
        TownInputs missesAll = new TownInputs("x", "锦丰镇", 200L, 600L, 10L, 10L, 2L, 150L, 3L, 60L, 100L, 100L);
        List<TownInputs> towns = List.of(good("a"), missesAll, good("b"));
        List<Warning> warnings = new WarningRules(defaults(EnumSet.of(WarningRule.OVERDUE_MAJOR,
                WarningRule.PATROL_COVERAGE_LOW, WarningRule.STAFFING_GAPS, WarningRule.TRAINING_PARTICIPATION_LOW,
                WarningRule.HANDBOOK_ADOPTION_LOW))).evaluate("2026-11", towns);

        assertThat(warnings).extracting(Warning::townId, Warning::rule, Warning::level).containsExactly(
                tuple("x", WarningRule.OVERDUE_MAJOR, WarningRule.Level.RED),
                tuple("x", WarningRule.PATROL_COVERAGE_LOW, WarningRule.Level.ORANGE),
                tuple("x", WarningRule.STAFFING_GAPS, WarningRule.Level.ORANGE),
                tuple("x", WarningRule.TRAINING_PARTICIPATION_LOW, WarningRule.Level.YELLOW),
                tuple("x", WarningRule.HANDBOOK_ADOPTION_LOW, WarningRule.Level.YELLOW));
        assertThat(warnings).extracting(Warning::reason).containsExactly(
                "截至2026年11月末，有2条重大事故隐患逾期未整改。",
                "2026年11月网格巡查覆盖企业150家，辖区企业200家，覆盖率75%，低于90%的目标。",
                "安全监管网格力量缺配3人，未达到配备要求。",
                "2026年11月定向学习参与60家，应参与100家，参与率60%，低于80%的目标。",
                "采用行业岗位安全手册的企业100家，辖区企业200家，采用率50%，低于80%的预警线。");
        assertThat(warnings.get(1).figures()).containsEntry("coverage", 0.75).containsEntry("target", 0.9);
    }

    @Test
    void exactlyAtTheTargetIsNotWarnedAndMissingFiguresAreSkipped() {
        TownInputs atTargets = new TownInputs("a", "甲镇", 100L, 100L, 10L, 10L, 0L, 90L, 0L, 80L, 100L, 80L);
        TownInputs unknown = TownInputs.none("b", "乙镇");
        WarningRules rules = new WarningRules(defaults(EnumSet.allOf(WarningRule.class)));

        List<Warning> warnings = rules.evaluate("2026-11", List.of(atTargets, unknown));

        // a is the only ranked town for uploads and so the lowest fifth by itself; nothing else fires
        assertThat(warnings).extracting(Warning::townId, Warning::rule)
                .containsExactly(tuple("a", WarningRule.UPLOAD_VOLUME_LOW));
        assertThat(rules.describe(List.of(atTargets, unknown))).allSatisfy(r -> {
            assertThat(r.enabled()).isTrue();
            assertThat(r.townsWithoutFigures()).isEqualTo(1);
            assertThat(r.basis()).isNotBlank();
        });
    }

    @Test
    void aDisabledRuleSelectsNothingAndSaysSo() {
        RuleSettings none = defaults(EnumSet.noneOf(WarningRule.class));
        TownInputs bad = new TownInputs("x", "锦丰镇", 200L, 0L, 0L, 10L, 5L, 0L, 3L, 0L, 100L, 0L);

        assertThat(new WarningRules(none).evaluate("2026-11", List.of(bad, good("a")))).isEmpty();
        assertThat(new WarningRules(none).describe(List.of(bad))).extracting(RuleDescription::enabled)
                .containsOnly(false);
    }

    @Test
    void warningsComeTownByTownInTheGivenOrder() {
        TownInputs late = new TownInputs("z", "乙镇", 100L, 1L, 0L, 10L, 1L, 0L, 0L, 90L, 100L, 90L);
        TownInputs early = new TownInputs("y", "甲镇", 100L, 1L, 10L, 10L, 1L, 95L, 0L, 90L, 100L, 90L);
        List<Warning> warnings = new WarningRules(defaults(EnumSet.allOf(WarningRule.class)))
                .evaluate("2026-11", List.of(early, late, good("a")));

        assertThat(warnings).extracting(Warning::townId, Warning::rule).containsExactly(
                tuple("y", WarningRule.UPLOAD_VOLUME_LOW), tuple("y", WarningRule.OVERDUE_MAJOR),
                tuple("z", WarningRule.UPLOAD_VOLUME_LOW), tuple("z", WarningRule.CLOSURE_SLOW),
                tuple("z", WarningRule.OVERDUE_MAJOR), tuple("z", WarningRule.PATROL_COVERAGE_LOW));
    }
}
