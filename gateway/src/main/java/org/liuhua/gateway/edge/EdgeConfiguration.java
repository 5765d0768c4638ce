package org.liuhua.gateway.edge;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/** The gateway's own edge rules: trace context, hidden internals, body size, rate limits, problem+json errors. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EdgeProperties.class)
public class EdgeConfiguration {

    @Bean
    TraceParentFilter traceParentFilter() {
        return new TraceParentFilter();
    }

    @Bean
    InternalPathsFilter internalPathsFilter() {
        return new InternalPathsFilter();
    }

    @Bean
    BodySizeLimitFilter bodySizeLimitFilter(EdgeProperties properties) {
        return new BodySizeLimitFilter(properties);
    }

    @Bean
    RateLimitFilter rateLimitFilter(EdgeProperties properties) {
        return new RateLimitFilter(properties);
    }

    @Bean
    @Order(-2)
    ProblemErrorHandler problemErrorHandler() {
        return new ProblemErrorHandler();
    }
}
