package org.liuhua.hazard.anchor;

import java.time.Clock;

import org.liuhua.hazard.anchor.domain.ChainAnchor;
import org.liuhua.kit.store.AggregateStore;
import org.liuhua.kit.store.CollectionIndexes;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

import static org.liuhua.kit.store.CollectionIndexes.on;

/**
 * The anchors ({@code chain_anchors}, with their outbox relayed by the kit), the anchored heads ({@code chain_heads},
 * keyed by hazard id) and the schedule of anchor passes.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(AnchorProperties.class)
class AnchorStorage implements SchedulingConfigurer {

    static final String COLLECTION = "chain_anchors";

    private final AnchorProperties properties;
    private final org.springframework.beans.factory.ObjectProvider<ChainAnchors> anchors;

    AnchorStorage(AnchorProperties properties, org.springframework.beans.factory.ObjectProvider<ChainAnchors> anchors) {
        this.properties = properties;
        this.anchors = anchors;
    }

    @Bean
    AggregateStore<ChainAnchor> chainAnchorStore(MongoTemplate mongo, Clock clock) {
        return new AggregateStore<>(mongo, ChainAnchor.class, COLLECTION, clock);
    }

    /** The newest anchor first. */
    @Bean
    CollectionIndexes chainAnchorIndexes() {
        return CollectionIndexes.of(COLLECTION, on("anchoredAt"));
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (properties.enabled()) {
            registrar.addFixedDelayTask(new FixedDelayTask(() -> anchors.getObject().runOnce(),
                    properties.interval(), properties.interval()));
        }
    }
}
