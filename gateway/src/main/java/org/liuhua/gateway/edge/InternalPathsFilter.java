package org.liuhua.gateway.edge;

import org.liuhua.kit.problem.ProblemType;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Hides what is not part of the public API: of the gateway's own actuator only {@code /actuator/health/**} answers
 * (metrics and the rest are for the cluster's scraper on the pod, not for the Internet), and the circuit-breaker
 * fallback is reached by internal forward only. Anything else answers 404 as if it did not exist. Services' own
 * actuator and internals are never routed: the routes name {@code /api/v1/...} prefixes only. The actuator's own port
 * ({@code management.server.port}, not exposed outside the pod / the machine) is left alone: Prometheus scrapes there.
 */
public class InternalPathsFilter implements WebFilter, Ordered {

    private final Environment environment;

    public InternalPathsFilter(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Integer managementPort = environment.getProperty("local.management.port", Integer.class);
        java.net.InetSocketAddress local = exchange.getRequest().getLocalAddress();
        if (managementPort != null && managementPort > 0 && local != null && local.getPort() == managementPort) {
            return chain.filter(exchange);
        }
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (hidden(path) || hidden(decoded(exchange.getRequest().getPath().pathWithinApplication()))) {
            return ProblemResponses.write(exchange, HttpStatus.NOT_FOUND, ProblemType.NOT_FOUND,
                    "no resource at " + path);
        }
        return chain.filter(exchange);
    }

    /** The path as routing matches it: percent-decoded, matrix parameters removed ({@code /%61ctuator;x/env}). */
    static String decoded(PathContainer path) {
        StringBuilder decoded = new StringBuilder();
        for (PathContainer.Element element : path.elements()) {
            decoded.append(element instanceof PathContainer.PathSegment segment ? segment.valueToMatch() : "/");
        }
        return decoded.toString();
    }

    static boolean hidden(String path) {
        String normalized = path.replaceAll("/{2,}", "/").toLowerCase(java.util.Locale.ROOT);
        if (normalized.equals("/actuator/health") || normalized.startsWith("/actuator/health/")) {
            return false;
        }
        return normalized.equals("/actuator") || normalized.startsWith("/actuator/")
                || normalized.startsWith("/fallback") || normalized.contains("/actuator/")
                || normalized.endsWith("/actuator");
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
