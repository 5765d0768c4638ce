package org.liuhua.reporting.warnings.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The rule engine of R-4: from every town's figures of a month (the whole city, because quantiles compare towns)
 * to the month's warnings, each with a reason that states the figures. Warnings come town by town in the order the
 * towns were given, and within a town in the order of {@link WarningRule}.
 */
public final class WarningRules {

    private final RuleSettings settings;

    public WarningRules(RuleSettings settings) {
        this.settings = settings;
    }

    public List<Warning> evaluate(String month, List<TownInputs> towns) {
        String monthText = monthText(month);
        Map<String, List<Warning>> byTown = new LinkedHashMap<>();
        towns.forEach(t -> byTown.put(t.townId(), new ArrayList<>()));

        if (settings.enabled(WarningRule.UPLOAD_VOLUME_LOW)) {
            List<Ranked> ranked = rank(towns, t -> ratio(t.hazardsReported(), t.establishments()));
            for (Ranked r : bottom(ranked, settings.uploadVolume(), ranked.size())) {
                TownInputs t = r.town();
                byTown.get(t.townId()).add(warning(t, WarningRule.UPLOAD_VOLUME_LOW, null,
                        String.format(Locale.ROOT, "%s上报隐患%d条，辖区企业%d家，户均%.2f条，列全市%d个区镇（街道）倒数第%d位"
                                        + "（后%s），上传数据量少。", monthText, t.hazardsReported(), t.establishments(),
                                r.value(), ranked.size(), r.fromBottom(), percent(settings.uploadVolume().share())),
                        figures("hazardsReported", t.hazardsReported(), "establishments", t.establishments(),
                                "perEstablishment", round(r.value(), 4), "rankFromBottom", r.fromBottom(),
                                "townsRanked", ranked.size())));
            }
        }

        if (settings.enabled(WarningRule.CLOSURE_SLOW)) {
            RuleSettings.Closure closure = settings.closure();
            List<Ranked> ranked = rank(towns, t -> ratio(t.closureClosed(), t.closureBase()));
            List<Ranked> under = ranked.stream().filter(r -> r.value() < closure.target()).toList();
            List<Ranked> bottom = bottom(under, closure.bottom(), ranked.size());
            for (Ranked r : ranked) {
                boolean belowFloor = r.value() < closure.floor();
                if (!belowFloor && !bottom.contains(r)) {
                    continue;
                }
                TownInputs t = r.town();
                String where = belowFloor
                        ? String.format(Locale.ROOT, "低于%s的预警线", percent(closure.floor()))
                        : String.format(Locale.ROOT, "低于%s的目标，列全市%d个区镇（街道）倒数第%d位", percent(closure.target()),
                        ranked.size(), r.fromBottom());
                byTown.get(t.townId()).add(warning(t, WarningRule.CLOSURE_SLOW,
                        belowFloor ? WarningRule.Level.ORANGE : null,
                        String.format(Locale.ROOT, "%s隐患整改率%s（已整改%d条，应整改%d条），%s，整改推进慢。", monthText,
                                percent(r.value()), t.closureClosed(), t.closureBase(), where),
                        figures("closed", t.closureClosed(), "due", t.closureBase(), "closureRate", round(r.value(), 4),
                                "target", closure.target(), "floor", closure.floor(), "rankFromBottom", r.fromBottom(),
                                "townsRanked", ranked.size())));
            }
        }

        for (TownInputs t : towns) {
            List<Warning> list = byTown.get(t.townId());
            if (settings.enabled(WarningRule.OVERDUE_MAJOR) && t.overdueMajor() != null
                    && t.overdueMajor() > settings.overdueMajorAllowed()) {
                list.add(warning(t, WarningRule.OVERDUE_MAJOR, null,
                        String.format(Locale.ROOT, "截至%s末，有%d条重大事故隐患逾期未整改。", monthText, t.overdueMajor()),
                        figures("overdueMajor", t.overdueMajor(), "allowed", settings.overdueMajorAllowed())));
            }
            Double coverage = ratio(t.establishmentsInspected(), t.establishments());
            if (settings.enabled(WarningRule.PATROL_COVERAGE_LOW) && coverage != null
                    && coverage < settings.patrolCoverageTarget()) {
                list.add(warning(t, WarningRule.PATROL_COVERAGE_LOW, null,
                        String.format(Locale.ROOT, "%s网格巡查覆盖企业%d家，辖区企业%d家，覆盖率%s，低于%s的目标。", monthText,
                                t.establishmentsInspected(), t.establishments(), percent(coverage),
                                percent(settings.patrolCoverageTarget())),
                        figures("inspected", t.establishmentsInspected(), "establishments", t.establishments(),
                                "coverage", round(coverage, 4), "target", settings.patrolCoverageTarget())));
            }
            if (settings.enabled(WarningRule.STAFFING_GAPS) && t.staffingGaps() != null
                    && t.staffingGaps() > settings.staffingGapsAllowed()) {
                list.add(warning(t, WarningRule.STAFFING_GAPS, null,
                        String.format(Locale.ROOT, "安全监管网格力量缺配%d人，未达到配备要求。", t.staffingGaps()),
                        figures("staffingGaps", t.staffingGaps(), "allowed", settings.staffingGapsAllowed())));
            }
            Double participation = ratio(t.trainingParticipants(), t.trainingBase());
            if (settings.enabled(WarningRule.TRAINING_PARTICIPATION_LOW) && participation != null
                    && participation < settings.trainingTarget()) {
                list.add(warning(t, WarningRule.TRAINING_PARTICIPATION_LOW, null,
                        String.format(Locale.ROOT, "%s定向学习参与%d家，应参与%d家，参与率%s，低于%s的目标。", monthText,
                                t.trainingParticipants(), t.trainingBase(), percent(participation),
                                percent(settings.trainingTarget())),
                        figures("participants", t.trainingParticipants(), "base", t.trainingBase(),
                                "participation", round(participation, 4), "target", settings.trainingTarget())));
            }
            Double adoption = ratio(t.handbooksAdopted(), t.establishments());
            if (settings.enabled(WarningRule.HANDBOOK_ADOPTION_LOW) && adoption != null
                    && adoption < settings.handbookAdoptionFloor()) {
                list.add(warning(t, WarningRule.HANDBOOK_ADOPTION_LOW, null,
                        String.format(Locale.ROOT, "采用行业岗位安全手册的企业%d家，辖区企业%d家，采用率%s，低于%s的预警线。",
                                t.handbooksAdopted(), t.establishments(), percent(adoption),
                                percent(settings.handbookAdoptionFloor())),
                        figures("adopted", t.handbooksAdopted(), "establishments", t.establishments(),
                                "adoption", round(adoption, 4), "floor", settings.handbookAdoptionFloor())));
            }
        }

        List<Warning> all = new ArrayList<>();
        byTown.values().forEach(list -> {
            list.sort(Comparator.comparing(Warning::rule));
            all.addAll(list);
        });
        return all;
    }

    /** Every rule with its condition in words and how many towns it could not judge. */
    public List<RuleDescription> describe(List<TownInputs> towns) {
        List<RuleDescription> rules = new ArrayList<>();
        for (WarningRule rule : WarningRule.values()) {
            String condition = switch (rule) {
                case UPLOAD_VOLUME_LOW -> String.format(Locale.ROOT, "户均上报隐患数列全市后%s（至少%d个区镇）",
                        percent(settings.uploadVolume().share()), settings.uploadVolume().atLeast());
                case CLOSURE_SLOW -> String.format(Locale.ROOT,
                        "隐患整改率低于%s且列全市后%s（至少%d个区镇），或低于%s（橙色）",
                        percent(settings.closure().target()), percent(settings.closure().bottom().share()),
                        settings.closure().bottom().atLeast(), percent(settings.closure().floor()));
                case OVERDUE_MAJOR -> "逾期未整改的重大事故隐患多于" + settings.overdueMajorAllowed() + "条";
                case PATROL_COVERAGE_LOW -> "网格巡查覆盖率低于" + percent(settings.patrolCoverageTarget());
                case STAFFING_GAPS -> "网格力量缺配多于" + settings.staffingGapsAllowed() + "人";
                case TRAINING_PARTICIPATION_LOW -> "定向学习参与率低于" + percent(settings.trainingTarget());
                case HANDBOOK_ADOPTION_LOW -> "岗位安全手册采用率低于" + percent(settings.handbookAdoptionFloor());
            };
            int missing = (int) towns.stream().filter(t -> !judgeable(rule, t)).count();
            rules.add(new RuleDescription(rule, rule.title(), settings.enabled(rule), rule.level(), condition,
                    rule.basis(), missing));
        }
        return rules;
    }

    private static boolean judgeable(WarningRule rule, TownInputs t) {
        return switch (rule) {
            case UPLOAD_VOLUME_LOW -> ratio(t.hazardsReported(), t.establishments()) != null;
            case CLOSURE_SLOW -> ratio(t.closureClosed(), t.closureBase()) != null;
            case OVERDUE_MAJOR -> t.overdueMajor() != null;
            case PATROL_COVERAGE_LOW -> ratio(t.establishmentsInspected(), t.establishments()) != null;
            case STAFFING_GAPS -> t.staffingGaps() != null;
            case TRAINING_PARTICIPATION_LOW -> ratio(t.trainingParticipants(), t.trainingBase()) != null;
            case HANDBOOK_ADOPTION_LOW -> ratio(t.handbooksAdopted(), t.establishments()) != null;
        };
    }

    /** A town's value, its place from the bottom (1 = lowest; equal values share a place). */
    private record Ranked(TownInputs town, double value, int fromBottom) {
    }

    /** The towns with a value, lowest first. */
    private static List<Ranked> rank(List<TownInputs> towns, Function<TownInputs, Double> value) {
        List<TownInputs> known = towns.stream().filter(t -> value.apply(t) != null)
                .sorted(Comparator.comparing(value)).toList();
        List<Ranked> ranked = new ArrayList<>();
        for (int i = 0; i < known.size(); i++) {
            double v = value.apply(known.get(i));
            int place = i > 0 && ranked.get(i - 1).value() == v ? ranked.get(i - 1).fromBottom() : i + 1;
            ranked.add(new Ranked(known.get(i), v, place));
        }
        return ranked;
    }

    /**
     * The lowest of a ranking: the given share of {@code of} towns (the towns with a figure), at least
     * {@code atLeast}, no more than the ranking holds; towns tied with the last one taken are taken too.
     */
    private static List<Ranked> bottom(List<Ranked> ranked, RuleSettings.Quantile quantile, int of) {
        if (ranked.isEmpty()) {
            return List.of();
        }
        int take = Math.min(ranked.size(), Math.max(quantile.atLeast(), (int) Math.floor(quantile.share()
                * of + 1e-9)));
        if (take == 0) {
            return List.of();
        }
        double cut = ranked.get(take - 1).value();
        return ranked.stream().filter(r -> r.value() <= cut).toList();
    }

    private static Double ratio(Long numerator, Long denominator) {
        return numerator == null || denominator == null || denominator <= 0 ? null
                : numerator.doubleValue() / denominator;
    }

    private static Warning warning(TownInputs t, WarningRule rule, WarningRule.Level raised, String reason,
                                   Map<String, Object> figures) {
        return new Warning(t.townId(), t.townName(), rule, raised == null ? rule.level() : raised, reason, figures);
    }

    private static Map<String, Object> figures(Object... keysAndValues) {
        Map<String, Object> figures = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            figures.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return figures;
    }

    private static double round(double value, int places) {
        double scale = Math.pow(10, places);
        return Math.round(value * scale) / scale;
    }

    /** 0.8 → "80%", 0.625 → "62.5%". */
    static String percent(double share) {
        double p = Math.round(share * 1000) / 10.0;
        return (p == Math.rint(p) ? String.valueOf((long) p) : String.valueOf(p)) + "%";
    }

    /** 2026-11 → 2026年11月. */
    static String monthText(String month) {
        return month.substring(0, 4) + "年" + Integer.parseInt(month.substring(5, 7)) + "月";
    }
}
