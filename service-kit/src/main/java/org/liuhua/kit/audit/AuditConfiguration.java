package org.liuhua.kit.audit;

import java.time.Clock;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.liuhua.events.Topics;
import org.liuhua.kit.autoconfigure.EventsProperties;
import org.liuhua.kit.outbox.OutboxCollection;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.TopicBuilder;

/**
 * The audit of state-changing requests (S-4), on by default in every service ({@code liuhua.audit.enabled=false}
 * turns it off). Contributes the audit collection to the outbox relay and creates the audit topic.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuditProperties.class)
@ConditionalOnProperty(name = "liuhua.audit.enabled", havingValue = "true", matchIfMissing = true)
public class AuditConfiguration {

    /** Inside Spring Security's filter chain (order -100), so that the caller is known. */
    static final int FILTER_ORDER = 0;

    @Bean
    AuditRecorder auditRecorder(MongoTemplate mongo, Clock clock, AuditProperties properties,
                                EventsProperties events) {
        return new AuditRecorder(mongo, clock, events.source(), properties);
    }

    @Bean
    FilterRegistrationBean<AuditFilter> auditFilter(AuditRecorder recorder) {
        FilterRegistrationBean<AuditFilter> registration = new FilterRegistrationBean<>(new AuditFilter(recorder));
        registration.setOrder(FILTER_ORDER);
        return registration;
    }

    @Bean
    AuditTargetAdvice auditTargetAdvice() {
        return new AuditTargetAdvice();
    }

    @Bean
    OutboxCollection auditOutboxCollection(AuditProperties properties) {
        return new OutboxCollection(properties.collection());
    }

    @Bean
    NewTopic auditTopic(AuditProperties properties) {
        // kept forever like every event topic: the city-wide audit trail is rebuilt from it (ADR 9)
        return TopicBuilder.name(Topics.AUDIT).partitions(properties.partitions())
                .config(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(EventsProperties.FOREVER.toMillis()))
                .config(TopicConfig.RETENTION_BYTES_CONFIG, "-1")
                .config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE).build();
    }

    @Bean
    NewTopic auditDeadLetterTopic() {
        return TopicBuilder.name(Topics.deadLetter(Topics.AUDIT)).partitions(1)
                .config(TopicConfig.RETENTION_MS_CONFIG,
                        String.valueOf(EventsProperties.DEAD_LETTER_RETENTION.toMillis())).build();
    }
}
