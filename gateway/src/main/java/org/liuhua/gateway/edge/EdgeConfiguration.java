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
    InternalPathsFilter internalPathsFilter(org.springframework.core.env.Environment environment) {
        return new InternalPathsFilter(environment);
    }

    @Bean
    SlowRequestTimeouts slowRequestTimeouts(EdgeProperties properties) {
        return new SlowRequestTimeouts(properties);
    }

    @Bean
    BodySizeLimitFilter bodySizeLimitFilter(EdgeProperties properties) {
        return new BodySizeLimitFilter(properties);
    }

    @Bean
    ClientAddresses clientAddresses(EdgeProperties properties) {
        return new ClientAddresses(properties.trustedProxies());
    }

    @Bean
    ForwardedForHeadersFilter forwardedForHeadersFilter(ClientAddresses addresses) {
        return new ForwardedForHeadersFilter(addresses);
    }

    @Bean
    RateLimitFilter rateLimitFilter(EdgeProperties properties, ClientAddresses addresses) {
        return new RateLimitFilter(properties, addresses);
    }

    /** The firewall's refusals (an encoded slash, a {@code ..} segment, a NUL in the path) as problem+json. */
    @Bean
    RejectedRequestHandler rejectedRequestHandler() {
        return new RejectedRequestHandler();
    }

    @Bean
    @Order(-2)
    ProblemErrorHandler problemErrorHandler() {
        return new ProblemErrorHandler();
    }
}
