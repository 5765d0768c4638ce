package org.liuhua.kit.autoconfigure;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.liuhua.events.Topics;
import org.liuhua.kit.audit.AuditConfiguration;
import org.liuhua.kit.lease.LeaseProperties;
import org.liuhua.kit.lease.MongoLease;
import org.liuhua.kit.messaging.DeadLetterConfiguration;
import org.liuhua.kit.messaging.ProcessedEvents;
import org.liuhua.kit.messaging.TraceRecordInterceptor;
import org.liuhua.kit.outbox.OutboxCollection;
import org.liuhua.kit.outbox.OutboxProperties;
import org.liuhua.kit.outbox.OutboxRelay;
import org.liuhua.kit.security.SecurityProperties;
import org.liuhua.kit.security.ServiceSecurityConfiguration;
import org.liuhua.kit.store.CollectionIndexes;
import org.liuhua.kit.store.IndexCreator;
import org.liuhua.kit.time.CityCalendar;
import org.liuhua.kit.time.CityProperties;
import org.liuhua.kit.web.PageQuery;
import org.liuhua.kit.web.PageQueryResolver;
import org.liuhua.kit.web.ProblemErrorController;
import org.liuhua.kit.web.ProblemHandling;
import org.liuhua.kit.web.TraceFilter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The defaults every Liuhua service shares. A service adds this module and gets: problem+json errors, trace ids,
 * the JWT resource server, the audit of state-changing requests, the outbox relay over the collections it names
 * ({@code liuhua.outbox.collections}) and the audit log,
 * consumers with bounded retries and a dead-letter topic, and its own topic created ({@code liuhua.events.topic}).
 */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class)
@EnableConfigurationProperties({OutboxProperties.class, SecurityProperties.class, CityProperties.class,
        EventsProperties.class, LeaseProperties.class})
// problem+json for every error: the advice, and the error page in place of Boot's
@Import({ServiceSecurityConfiguration.class, AuditConfiguration.class, ProblemHandling.class,
        ProblemErrorController.class})
public class LiuhuaKitAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The city's calendar ({@code liuhua.zone}): every day, month, quarter and deadline boundary. */
    @Bean
    @ConditionalOnMissingBean
    CityCalendar cityCalendar(CityProperties city, Clock clock) {
        return new CityCalendar(city.zone(), clock);
    }

    /** Creates the indexes the service declared and the outbox index of every relayed collection. */
    @Bean
    IndexCreator indexCreator(MongoTemplate mongo, ObjectProvider<CollectionIndexes> declared,
                              OutboxRelay relay) {
        return new IndexCreator(mongo, declared.orderedStream().toList(), relay.collections());
    }

    /** Every list endpoint reads {@code page}, {@code size} and {@code sort} the same way ({@link PageQuery}). */
    @Bean
    WebMvcConfigurer pageQueryArguments() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new PageQueryResolver());
            }
        };
    }

    @Bean
    @ConditionalOnMissingBean
    MongoLease mongoLease(MongoTemplate mongo, Clock clock, LeaseProperties properties) {
        return new MongoLease(mongo, clock, properties);
    }

    @Bean
    @ConditionalOnMissingBean
    ProcessedEvents processedEvents(MongoTemplate mongo, Clock clock) {
        return new ProcessedEvents(mongo, clock);
    }

    /**
     * Relays the service's own collections ({@code liuhua.outbox.collections}) and those kit features contribute as
     * {@link OutboxCollection} beans (the audit log), so it runs even in a service that lists none of its own.
     */
    @Bean
    @ConditionalOnMissingBean
    OutboxRelay outboxRelay(MongoTemplate mongo, KafkaTemplate<String, CloudEvent> kafka, OutboxProperties properties,
                            ObjectProvider<OutboxCollection> contributed, MongoLease lease,
                            EventsProperties events, MeterRegistry meters) {
        return new OutboxRelay(mongo, kafka, properties, contributed.orderedStream().map(OutboxCollection::name)
                .toList(), lease, events.source(), meters);
    }

    @Bean
    FilterRegistrationBean<TraceFilter> traceFilter() {
        FilterRegistrationBean<TraceFilter> registration = new FilterRegistrationBean<>(new TraceFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    @ConditionalOnMissingBean
    DefaultErrorHandler kafkaErrorHandler(KafkaProperties kafka, EventsProperties events) {
        Map<String, Object> producer = new HashMap<>(kafka.buildProducerProperties());
        return DeadLetterConfiguration.errorHandler(producer, events.retryBackoff(), events.retries());
    }

    @Bean
    TraceRecordInterceptor traceRecordInterceptor() {
        return new TraceRecordInterceptor();
    }

    @Bean
    @ConditionalOnProperty("liuhua.events.topic")
    NewTopic ownTopic(EventsProperties events) {
        // the events are the log read models are rebuilt from: kept forever unless configured (ADR 9)
        return TopicBuilder.name(events.topic()).partitions(events.partitions())
                .config(TopicConfig.RETENTION_MS_CONFIG, events.retentionMs())
                .config(TopicConfig.RETENTION_BYTES_CONFIG, "-1")
                .config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE).build();
    }

    @Bean
    @ConditionalOnProperty("liuhua.events.topic")
    NewTopic ownDeadLetterTopic(EventsProperties events) {
        return TopicBuilder.name(Topics.deadLetter(events.topic())).partitions(1)
                .config(TopicConfig.RETENTION_MS_CONFIG,
                        String.valueOf(EventsProperties.DEAD_LETTER_RETENTION.toMillis())).build();
    }
}
