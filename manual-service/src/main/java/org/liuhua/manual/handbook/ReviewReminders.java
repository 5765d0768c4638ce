package org.liuhua.manual.handbook;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Looks for handbook reviews coming due every {@code liuhua.manual.handbooks.reminders.interval} and sends each
 * reminder once ({@code liuhua.manual.handbooks.reminders.enabled=false} turns it off).
 */
@Component
class ReviewReminders implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReviewReminders.class);

    private final Handbooks handbooks;
    private final HandbookProperties properties;
    private ScheduledExecutorService executor;

    ReviewReminders(Handbooks handbooks, HandbookProperties properties) {
        this.handbooks = handbooks;
        this.properties = properties;
    }

    @Override
    public void start() {
        if (!properties.reminders().enabled()) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "handbook-review-reminders"));
        long every = properties.reminders().interval().toMillis();
        executor.scheduleWithFixedDelay(this::tick, Math.min(every, 60_000), every, TimeUnit.MILLISECONDS);
    }

    void tick() {
        try {
            int sent = handbooks.remindReviews();
            if (sent > 0) {
                log.info("sent {} handbook review reminders", sent);
            }
        } catch (RuntimeException e) {
            log.warn("review reminders failed, trying again next time: {}", e.toString());
        }
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
