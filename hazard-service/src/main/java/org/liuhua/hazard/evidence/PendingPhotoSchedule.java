package org.liuhua.hazard.evidence;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Runs {@link PendingPhotoSweep} every {@code liuhua.hazard.pending-photos.interval}, unless
 * {@code liuhua.hazard.pending-photos.enabled=false} (the integration tests drive it themselves).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(PendingPhotoProperties.class)
class PendingPhotoSchedule implements SchedulingConfigurer {

    private final PendingPhotoProperties properties;
    private final ObjectProvider<PendingPhotoSweep> sweep;

    PendingPhotoSchedule(PendingPhotoProperties properties, ObjectProvider<PendingPhotoSweep> sweep) {
        this.properties = properties;
        this.sweep = sweep;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (properties.enabled()) {
            registrar.addFixedDelayTask(new FixedDelayTask(() -> sweep.getObject().runOnce(),
                    properties.interval(), properties.interval()));
        }
    }
}
