package org.liuhua.hazard;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import org.liuhua.hazard.loop.domain.Severity;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Everything hazard-service reads from configuration, all under {@code liuhua.hazard.*}, with its default here and
 * nowhere else (application.yml only names the settings a city is expected to change).
 *
 * @param deadlineDaysGeneral  rectification deadline of a GENERAL hazard, days after reporting
 * @param deadlineDaysMajor    rectification deadline of a MAJOR hazard
 * @param escalationStepsDays  escalation steps after a deadline: responsible party, town, city
 * @param corroborationWindow  how far back an open hazard of the same establishment and category is joined
 * @param acknowledgeWithin    how long a department has to acknowledge a transfer (报到)
 * @param intakeBatchMax       most findings in one intake batch
 * @param publicReportsPerHour public reports accepted per address per hour
 * @param publicReportMaxChars longest public report description
 * @param rewardCny            reward proposed for a verified public report of a GENERAL hazard (举报奖励), CNY
 * @param rewardCnyMajor       reward proposed for a verified public report of a MAJOR hazard, CNY (the policy texts
 *                             set no amount; 3000 is the national minimum for a major hazard in 《安全生产领域举报奖励办法》)
 * @param afterPhotoSeverities severities whose hazards close only with a photo after rectification (evidence AFTER);
 *                             none by default (the policy texts ask for photos, not for a rule; a city sets it)
 * @param afterPhotoCategories categories whose hazards close only with such a photo
 * @param evidenceMaxBytes     largest evidence photo
 * @param escalationInterval   how often the escalation scheduler runs
 * @param escalationLeaseTtl   how long one replica holds the escalation lease (longer than a pass takes)
 * @param escalation           the scheduler switch ({@code liuhua.hazard.escalation.enabled}, tests turn it off)
 * @param towns                the city's towns (ids as grid-service's region tree names them): a public report must
 *                             name one; grid-service publishes no town register hazard-service consumes, so the
 *                             default is the demo city's register
 * @param departments          the city's supervising departments (ids as grid-service's department register names
 *                             them): a transfer must name one; the default is the demo city's register
 */
@ConfigurationProperties("liuhua.hazard")
public record HazardProperties(Integer deadlineDaysGeneral, Integer deadlineDaysMajor, List<Integer> escalationStepsDays,
                               Duration corroborationWindow, Duration acknowledgeWithin, Integer intakeBatchMax,
                               Integer publicReportsPerHour, Integer publicReportMaxChars, BigDecimal rewardCny,
                               Long evidenceMaxBytes, Duration escalationInterval, Duration escalationLeaseTtl,
                               Escalation escalation, List<String> towns, List<String> departments,
                               BigDecimal rewardCnyMajor, List<Severity> afterPhotoSeverities,
                               List<String> afterPhotoCategories) {

    public HazardProperties {
        deadlineDaysGeneral = deadlineDaysGeneral == null ? 30 : deadlineDaysGeneral;
        deadlineDaysMajor = deadlineDaysMajor == null ? 60 : deadlineDaysMajor;
        escalationStepsDays = escalationStepsDays == null || escalationStepsDays.isEmpty() ? List.of(0, 7, 14)
                : List.copyOf(escalationStepsDays);
        corroborationWindow = corroborationWindow == null ? Duration.ofDays(30) : corroborationWindow;
        acknowledgeWithin = acknowledgeWithin == null ? Duration.ofDays(3) : acknowledgeWithin;
        intakeBatchMax = intakeBatchMax == null ? 1000 : intakeBatchMax;
        publicReportsPerHour = publicReportsPerHour == null ? 5 : publicReportsPerHour;
        publicReportMaxChars = publicReportMaxChars == null ? 2000 : publicReportMaxChars;
        rewardCny = rewardCny == null ? new BigDecimal("500") : rewardCny;
        rewardCnyMajor = rewardCnyMajor == null ? new BigDecimal("3000") : rewardCnyMajor;
        afterPhotoSeverities = afterPhotoSeverities == null ? List.of() : List.copyOf(afterPhotoSeverities);
        afterPhotoCategories = afterPhotoCategories == null ? List.of() : List.copyOf(afterPhotoCategories);
        evidenceMaxBytes = evidenceMaxBytes == null ? 10L * 1024 * 1024 : evidenceMaxBytes;
        escalationInterval = escalationInterval == null ? Duration.ofMinutes(5) : escalationInterval;
        escalationLeaseTtl = escalationLeaseTtl == null ? Duration.ofMinutes(4) : escalationLeaseTtl;
        escalation = escalation == null ? new Escalation(null) : escalation;
        towns = towns == null || towns.isEmpty() ? List.of("zjg-yangshe", "zjg-tangqiao", "zjg-jinfeng", "zjg-leyu",
                "zjg-fenghuang", "zjg-nanfeng", "zjg-daxin", "zjg-jingang", "zjg-houcheng", "zjg-deji", "zjg-etdz",
                "zjg-bonded", "zjg-htz", "zjg-metallurgy", "zjg-changyinsha", "zjg-shuangshan") : List.copyOf(towns);
        departments = departments == null || departments.isEmpty() ? List.of("dept-industry", "dept-housing",
                "dept-transport", "dept-commerce", "dept-fire", "dept-education", "dept-health",
                "dept-culture-tourism", "dept-market", "dept-emergency") : List.copyOf(departments);
    }

    /** The reward proposed for a public report of a hazard of this severity (举报奖励, by rule). */
    public BigDecimal rewardCny(Severity severity) {
        return severity == Severity.MAJOR ? rewardCnyMajor : rewardCny;
    }

    /** Whether a hazard of this severity and category closes only with a photo after rectification. */
    public boolean afterPhotoRequired(Severity severity, String category) {
        return afterPhotoSeverities.contains(severity) || afterPhotoCategories.contains(category);
    }

    public int deadlineDays(Severity severity) {
        return severity == Severity.MAJOR ? deadlineDaysMajor : deadlineDaysGeneral;
    }

    /** @param enabled whether this replica schedules escalation passes (default true) */
    public record Escalation(Boolean enabled) {

        public Escalation {
            enabled = enabled == null ? Boolean.TRUE : enabled;
        }
    }
}
