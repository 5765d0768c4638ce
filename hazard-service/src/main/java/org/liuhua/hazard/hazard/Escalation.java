package org.liuhua.hazard.hazard;

import java.time.Duration;

import org.liuhua.kit.lease.MongoLease;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The overdue scheduler (H-5, H-9): it runs on every replica, but only the one holding the {@code hazard-escalation}
 * lease works. Scheduling is switched off with {@code liuhua.hazard.escalation.enabled=false} (tests call
 * {@link #runOnce()} with a controlled clock).
 */
@Component
public class Escalation {

    static final String LEASE = "hazard-escalation";

    private final Hazards hazards;
    private final MongoLease lease;

    Escalation(Hazards hazards, MongoLease lease) {
        this.hazards = hazards;
        this.lease = lease;
    }

    @Scheduled(fixedDelayString = "${liuhua.hazard.escalation-interval:PT5M}", initialDelayString = "PT30S")
    void scheduled() {
        runOnce();
    }

    /** One pass if this replica holds the lease; returns how many hazards changed (-1 when another replica works). */
    public int runOnce() {
        if (!lease.tryAcquire(LEASE, Duration.ofMinutes(4))) {
            return -1;
        }
        return hazards.escalateDue();
    }
}
