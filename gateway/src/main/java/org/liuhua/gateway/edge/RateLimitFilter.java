package org.liuhua.gateway.edge;

import java.net.InetSocketAddress;
import java.util.Map;

import org.liuhua.kit.problem.ProblemType;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Per-client rate limit on {@code /api/v1/**} (S-4). The key is the client the token was issued to ({@code azp}), so
 * that all users of one app and all calls of one firm share a budget; without a token it is the remote address. The
 * open {@code /api/v1/public/**} paths have their own, tighter budget. Over the limit: 429 problem+json with
 * {@code Retry-After}. Runs after token validation, so the key is never taken from an unverified token.
 */
public class RateLimitFilter implements WebFilter, Ordered {

    /** After Spring Security's filter chain (order -100). */
    public static final int ORDER = 0;
    private static final AntPathMatcher PATHS = new AntPathMatcher();

    private final TokenBuckets api;
    private final TokenBuckets publicApi;
    private final EdgeProperties properties;

    public RateLimitFilter(EdgeProperties properties) {
        this.properties = properties;
        this.api = new TokenBuckets(properties.rateLimit());
        this.publicApi = new TokenBuckets(properties.publicRateLimit());
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        // as routing sees it: percent-decoded, without matrix parameters, so /%61pi/... is limited like /api/...
        String path = InternalPathsFilter.decoded(exchange.getRequest().getPath().pathWithinApplication());
        if (!PATHS.match("/api/**", path)) {
            return chain.filter(exchange);
        }
        boolean open = PATHS.match("/api/v1/public/**", path);
        EdgeProperties.RateLimit limit = open ? properties.publicRateLimit() : properties.rateLimit();
        if (!limit.enabled()) {
            return chain.filter(exchange);
        }
        TokenBuckets buckets = open ? publicApi : api;
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(authentication -> clientKey((JwtAuthenticationToken) authentication))
                .defaultIfEmpty(addressKey(exchange))
                .flatMap(key -> {
                    TokenBuckets.Decision decision = buckets.tryConsume(key);
                    if (decision.allowed()) {
                        exchange.getResponse().getHeaders().set("X-RateLimit-Limit", String.valueOf(buckets.limit()));
                        exchange.getResponse().getHeaders().set("X-RateLimit-Remaining",
                                String.valueOf(decision.remaining()));
                        return chain.filter(exchange);
                    }
                    exchange.getResponse().getHeaders().set("Retry-After",
                            String.valueOf(decision.retryAfterSeconds()));
                    exchange.getResponse().getHeaders().set("X-RateLimit-Limit", String.valueOf(buckets.limit()));
                    exchange.getResponse().getHeaders().set("X-RateLimit-Remaining", "0");
                    return ProblemResponses.write(exchange, HttpStatus.TOO_MANY_REQUESTS, ProblemType.RATE_LIMITED,
                            "the request rate of this client is over its limit; retry after "
                                    + decision.retryAfterSeconds() + " s",
                            Map.of("retryAfterSeconds", decision.retryAfterSeconds()));
                });
    }

    private static String clientKey(JwtAuthenticationToken token) {
        String client = token.getToken().getClaimAsString("azp");
        if (client == null) {
            client = token.getToken().getClaimAsString("client_id");
        }
        return client != null ? "client:" + client : "subject:" + token.getToken().getSubject();
    }

    private static String addressKey(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return "address:" + (remote == null || remote.getAddress() == null ? "unknown"
                : remote.getAddress().getHostAddress());
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
