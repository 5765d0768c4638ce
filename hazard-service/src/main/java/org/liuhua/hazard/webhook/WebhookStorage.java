package org.liuhua.hazard.webhook;

import org.liuhua.kit.store.CollectionIndexes;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

import static org.liuhua.kit.store.CollectionIndexes.on;

/**
 * The webhook collections (registrations by firm id; the delivery log by {@code <firm>:<event id>}; the pending
 * deliveries by the same id) and the schedule of delivery passes ({@code liuhua.hazard.webhooks.poll-interval}).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(WebhookProperties.class)
class WebhookStorage implements SchedulingConfigurer {

    private final WebhookProperties properties;
    private final ObjectProvider<WebhookSender> sender;

    WebhookStorage(WebhookProperties properties, ObjectProvider<WebhookSender> sender) {
        this.properties = properties;
        this.sender = sender;
    }

    /** The delivery log of a firm, newest first. */
    @Bean
    CollectionIndexes webhookDeliveryIndexes() {
        return CollectionIndexes.of(Webhooks.DELIVERIES, on("firmId", "createdAt"));
    }

    /** The due pending deliveries (a small collection: delivered ones leave it). */
    @Bean
    CollectionIndexes webhookOutboxIndexes() {
        return CollectionIndexes.of(Webhooks.OUTBOX, on("nextAttemptAt"));
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (properties.enabled()) {
            registrar.addFixedDelayTask(new FixedDelayTask(() -> sender.getObject().runOnce(),
                    properties.pollInterval(), properties.pollInterval()));
        }
    }
}
