package org.liuhua.manual.handbook;

import java.time.Duration;
import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Periodic review of adopted handbooks ("督促企业定期对手册化建设工作进行评估、更新和完善").
 *
 * @param reviewInterval how long after adoption (or the last review) the next review is due (default a year)
 * @param reminderLead   how early before the due date the reminder goes out (default 30 days)
 * @param reminders      the reminder job
 */
@ConfigurationProperties("liuhua.manual.handbooks")
public record HandbookProperties(Period reviewInterval, Period reminderLead, Reminders reminders) {

    public HandbookProperties {
        reviewInterval = reviewInterval == null ? Period.ofYears(1) : reviewInterval;
        reminderLead = reminderLead == null ? Period.ofDays(30) : reminderLead;
        reminders = reminders == null ? new Reminders(true, Duration.ofHours(1)) : reminders;
    }

    /**
     * @param enabled  run the reminder job
     * @param interval how often it looks for reviews coming due
     */
    public record Reminders(Boolean enabled, Duration interval) {

        public Reminders {
            enabled = enabled == null ? Boolean.TRUE : enabled;
            interval = interval == null ? Duration.ofHours(1) : interval;
        }
    }
}
