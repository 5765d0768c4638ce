package org.liuhua.reporting.warnings;

import java.util.EnumSet;
import java.util.Set;

import org.liuhua.reporting.stats.Targets;
import org.liuhua.reporting.warnings.domain.RuleSettings;
import org.liuhua.reporting.warnings.domain.WarningRule;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The warning rules as configuration, {@code liuhua.reporting.warnings.<rule>.enabled} and its thresholds; the
 * targets default to the policy's ({@link Targets}), the quantiles to the lowest 20 % of the towns, at least one.
 * {@code notice.*} sets the printed notice's issuer, number prefix and the days given to rectify.
 */
@ConfigurationProperties("liuhua.reporting.warnings")
public record WarningProperties(UploadVolume uploadVolume, Closure closure, Allowance overdueMajor,
                                Target patrolCoverage, Allowance staffingGaps, Target trainingParticipation,
                                Target handbookAdoption, Notice notice) {

    public WarningProperties {
        uploadVolume = uploadVolume == null ? new UploadVolume(null, null, null) : uploadVolume;
        closure = closure == null ? new Closure(null, null, null, null, null) : closure;
        overdueMajor = overdueMajor == null ? new Allowance(null, null) : overdueMajor;
        patrolCoverage = patrolCoverage == null ? new Target(null, Targets.PATROL_COVERAGE)
                : patrolCoverage.orTarget(Targets.PATROL_COVERAGE);
        staffingGaps = staffingGaps == null ? new Allowance(null, null) : staffingGaps;
        trainingParticipation = trainingParticipation == null ? new Target(null, Targets.TRAINING_PARTICIPATION)
                : trainingParticipation.orTarget(Targets.TRAINING_PARTICIPATION);
        // no policy text gives a figure for "low" adoption: warned under 80 %, the target itself being 100 %
        handbookAdoption = handbookAdoption == null ? new Target(null, 0.8) : handbookAdoption.orTarget(0.8);
        notice = notice == null ? new Notice(null, null, null, null) : notice;
    }

    /** Hazards reported per establishment: the lowest {@code bottomShare} of the towns, at least {@code atLeastTowns}. */
    public record UploadVolume(Boolean enabled, Double bottomShare, Integer atLeastTowns) {
        public UploadVolume {
            enabled = enabled == null || enabled;
            bottomShare = bottomShare == null ? 0.2 : bottomShare;
            atLeastTowns = atLeastTowns == null ? 1 : atLeastTowns;
        }
    }

    /**
     * The closure rate: towns under {@code target} in the lowest {@code bottomShare} (at least {@code atLeastTowns}),
     * and every town under {@code floor} (orange).
     */
    public record Closure(Boolean enabled, Double target, Double bottomShare, Integer atLeastTowns, Double floor) {
        public Closure {
            enabled = enabled == null || enabled;
            target = target == null ? Targets.CLOSURE : target;
            bottomShare = bottomShare == null ? 0.2 : bottomShare;
            atLeastTowns = atLeastTowns == null ? 1 : atLeastTowns;
            floor = floor == null ? 0.6 : floor;
        }
    }

    /** A count a town may reach ({@code allowed}, default 0): warned when above it. */
    public record Allowance(Boolean enabled, Integer allowed) {
        public Allowance {
            enabled = enabled == null || enabled;
            allowed = allowed == null ? 0 : allowed;
        }
    }

    /** A rate a town must reach ({@code target}): warned when under it. */
    public record Target(Boolean enabled, Double target) {
        public Target {
            enabled = enabled == null || enabled;
        }

        Target orTarget(double fallback) {
            return target == null ? new Target(enabled, fallback) : this;
        }
    }

    /**
     * The printed notice: who issues it, the prefix of its number ({@code 安委办预警〔2026〕11号}), the days the towns
     * are given to rectify, and to whom they report back.
     */
    public record Notice(String issuer, String numberPrefix, Integer rectifyDays, String reportTo) {
        public Notice {
            issuer = issuer == null || issuer.isBlank() ? "市安全生产委员会办公室" : issuer;
            numberPrefix = numberPrefix == null || numberPrefix.isBlank() ? "安委办预警" : numberPrefix;
            rectifyDays = rectifyDays == null || rectifyDays < 1 ? 15 : rectifyDays;
            reportTo = reportTo == null || reportTo.isBlank() ? "市应急管理局" : reportTo;
        }
    }

    /** The thresholds as the rule engine takes them. */
    public RuleSettings settings() {
        Set<WarningRule> enabled = EnumSet.noneOf(WarningRule.class);
        if (uploadVolume.enabled()) {
            enabled.add(WarningRule.UPLOAD_VOLUME_LOW);
        }
        if (closure.enabled()) {
            enabled.add(WarningRule.CLOSURE_SLOW);
        }
        if (overdueMajor.enabled()) {
            enabled.add(WarningRule.OVERDUE_MAJOR);
        }
        if (patrolCoverage.enabled()) {
            enabled.add(WarningRule.PATROL_COVERAGE_LOW);
        }
        if (staffingGaps.enabled()) {
            enabled.add(WarningRule.STAFFING_GAPS);
        }
        if (trainingParticipation.enabled()) {
            enabled.add(WarningRule.TRAINING_PARTICIPATION_LOW);
        }
        if (handbookAdoption.enabled()) {
            enabled.add(WarningRule.HANDBOOK_ADOPTION_LOW);
        }
        return new RuleSettings(new RuleSettings.Quantile(uploadVolume.bottomShare(), uploadVolume.atLeastTowns()),
                new RuleSettings.Closure(closure.target(), new RuleSettings.Quantile(closure.bottomShare(),
                        closure.atLeastTowns()), closure.floor()),
                overdueMajor.allowed(), patrolCoverage.target(), staffingGaps.allowed(),
                trainingParticipation.target(), handbookAdoption.target(), enabled);
    }
}
