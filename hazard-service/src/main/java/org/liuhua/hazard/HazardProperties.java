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
 * @param rewardCny            reward recorded for a verified public report (举报奖励)
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
                               Escalation escalation, List<String> towns, List<String> departments) {

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
