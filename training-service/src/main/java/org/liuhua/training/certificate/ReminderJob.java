package org.liuhua.training.certificate;

import org.liuhua.kit.lease.MongoLease;
import org.liuhua.training.TrainingProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Sends the certificate-expiry reminders every {@code liuhua.training.certificates.reminder-interval}, on one replica
 * at a time (the kit's {@link MongoLease}); each reminder's deterministic id makes it exactly-once even if two runs
 * overlap or the service restarts.
 */
@Component
public class ReminderJob implements SchedulingConfigurer {

    static final String LEASE = "training-certificate-reminders";
    private static final Logger log = LoggerFactory.getLogger(ReminderJob.class);

    private final Certificates certificates;
    private final MongoLease lease;
    private final TrainingProperties.Certificates properties;

    ReminderJob(Certificates certificates, MongoLease lease, TrainingProperties properties) {
        this.certificates = certificates;
        this.lease = lease;
        this.properties = properties.certificates();
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (properties.remindersEnabled()) {
            registrar.addFixedDelayTask(this::runOnce, properties.reminderInterval());
        }
    }

    /** One guarded sweep; returns the reminders sent, or -1 when another replica holds the lease. */
    public int runOnce() {
        return runOnce(lease);
    }

    /** One sweep under the given lease (a second replica has its own lease owner). */
    public int runOnce(MongoLease with) {
        if (!with.tryAcquire(LEASE, properties.leaseTtl())) {
            return -1;
        }
        try {
            int sent = certificates.sendDueReminders(properties.reminderDays());
            if (sent > 0) {
                log.info("sent {} certificate-expiry reminders", sent);
            }
            return sent;
        } catch (RuntimeException e) {
            log.warn("certificate reminder sweep failed: {}", e.toString());
            return 0;
        } finally {
            with.release(LEASE);
        }
    }
}
