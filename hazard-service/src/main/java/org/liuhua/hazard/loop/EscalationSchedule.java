package org.liuhua.hazard.loop;

import java.time.Duration;

import org.liuhua.hazard.HazardProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Runs {@link Escalation} every {@code liuhua.hazard.escalation-interval}, unless
 * {@code liuhua.hazard.escalation.enabled=false} (the integration tests drive it themselves).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class EscalationSchedule implements SchedulingConfigurer {

    static final Duration FIRST_RUN_AFTER = Duration.ofSeconds(30);

    private final Escalation escalation;
    private final HazardProperties properties;

    EscalationSchedule(Escalation escalation, HazardProperties properties) {
        this.escalation = escalation;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (properties.escalation().enabled()) {
            registrar.addFixedDelayTask(new FixedDelayTask(escalation::runOnce, properties.escalationInterval(),
                    FIRST_RUN_AFTER));
        }
    }
}
