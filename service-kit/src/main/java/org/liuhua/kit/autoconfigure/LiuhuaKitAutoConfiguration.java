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
import java.util.function.Supplier;

import org.liuhua.kit.health.MongoPingHealthIndicator;
import org.liuhua.kit.idempotency.IdempotencyFilter;
import org.liuhua.kit.idempotency.IdempotencyProperties;
import org.liuhua.kit.web.ApiDocsConfiguration;
import org.liuhua.kit.web.ApiDocsProperties;
import org.liuhua.kit.web.AbortedBodyValve;
import org.liuhua.kit.web.BodyLimitFilter;
import org.liuhua.kit.web.LimitsProperties;
import org.liuhua.kit.web.PreAuthorizeFirst;
import org.liuhua.kit.web.QueryParameterCheck;
import org.liuhua.kit.web.RejectedRequestProblem;
import org.liuhua.kit.web.StrictDates;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.jackson.autoconfigure.JsonFactoryBuilderCustomizer;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Configuration;
import org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.expression.method.DefaultMethodSecurityExpressionHandler;
import org.springframework.security.access.expression.method.MethodSecurityExpressionHandler;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import tools.jackson.core.StreamReadConstraints;
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
@AutoConfiguration(before = {ErrorMvcAutoConfiguration.class, MongoHealthContributorAutoConfiguration.class})
@EnableConfigurationProperties({OutboxProperties.class, SecurityProperties.class, CityProperties.class,
        EventsProperties.class, LeaseProperties.class, LimitsProperties.class, IdempotencyProperties.class,
        ApiDocsProperties.class})
// problem+json for every error: the advice, and the error page in place of Boot's
@Import({ServiceSecurityConfiguration.class, AuditConfiguration.class, ProblemHandling.class,
        ProblemErrorController.class, ApiDocsConfiguration.class})
public class LiuhuaKitAutoConfiguration {

    /** After Spring Security's chain (-100) and the audit filter (0): the audit sees replayed answers too. */
    static final int IDEMPOTENCY_FILTER_ORDER = 10;

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

    /**
     * Every list endpoint reads {@code page}, {@code size} and {@code sort} the same way ({@link PageQuery}); a handler's
     * {@code @PreAuthorize} is checked before its arguments are bound and validated ({@link PreAuthorizeFirst}), then
     * the query parameters are refused when they hold control characters ({@link QueryParameterCheck}).
     */
    @Bean
    WebMvcConfigurer pageQueryArguments(ObjectProvider<MethodSecurityExpressionHandler> expressionHandler,
                                        ApplicationContext context, LimitsProperties limits) {
        Supplier<MethodSecurityExpressionHandler> handler = SingletonSupplier.of(() ->
                expressionHandler.getIfAvailable(() -> {
                    DefaultMethodSecurityExpressionHandler fallback = new DefaultMethodSecurityExpressionHandler();
                    fallback.setApplicationContext(context);
                    return fallback;
                }));
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new PageQueryResolver());
            }

            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new PreAuthorizeFirst(handler)).order(Ordered.HIGHEST_PRECEDENCE);
                registry.addInterceptor(new QueryParameterCheck(limits.maxParameterLength())).order(Ordered.HIGHEST_PRECEDENCE + 1);
            }
        };
    }

    /** The security firewall's refusals (an encoded slash, a {@code ..} segment, a NUL in the path) as problem+json. */
    @Bean
    RejectedRequestProblem rejectedRequestProblem() {
        return new RejectedRequestProblem();
    }

    /** JSON strings are at most {@code liuhua.limits.max-string-length} characters (a longer one is a 400). */
    @Bean
    JsonFactoryBuilderCustomizer jsonReadLimits(LimitsProperties limits) {
        return factory -> factory.streamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(limits.maxStringLength()).build());
    }

    /** A number where a date or time is expected is refused, not read as an epoch count. */
    @Bean
    StrictDates strictDates() {
        return new StrictDates();
    }

    /** Bodies other than multipart are bounded in size and in the time they take to arrive. */
    @Bean
    FilterRegistrationBean<BodyLimitFilter> bodyLimitFilter(LimitsProperties limits) {
        FilterRegistrationBean<BodyLimitFilter> registration = new FilterRegistrationBean<>(
                new BodyLimitFilter(limits));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** The connection of a refused body is closed, not read to its end. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.apache.catalina.Valve")
    static class TomcatBodyLimits {

        @Bean
        WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> abortedBodyValve() {
            return factory -> factory.addEngineValves(new AbortedBodyValve());
        }
    }

    /** {@code Idempotency-Key} on POST, PUT and PATCH; inside the security chain, so the caller is known. */
    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(MongoTemplate mongo, Clock clock,
                                                                IdempotencyProperties properties) {
        IdempotencyFilter filter = new IdempotencyFilter(mongo, clock, properties);
        filter.createIndex();
        FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(IDEMPOTENCY_FILTER_ORDER);
        return registration;
    }

    /** MongoDB's health by {@code ping}, which the embedded stand-in answers too (Boot's sends {@code hello}). */
    @Bean(name = "mongoHealthIndicator")
    @ConditionalOnMissingBean(name = {"mongoHealthIndicator", "mongoHealthContributor"})
    MongoPingHealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
        return new MongoPingHealthIndicator(mongo);
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
        return DeadLetterConfiguration.errorHandler(producer, events.retryBackoff(), events.retries(),
                events.outageBackoff(), events.outageBackoffMax(), events.outageGiveUpAfter());
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
