package org.liuhua.gateway.edge;

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
 * Rate limit on {@code /api/v1/**} (S-4). The key is who calls and from where: the user of the token ({@code sub}), or
 * for a client-credentials token (a firm's system) the client ({@code azp}), together with the caller's address
 * ({@link ClientAddresses}: the peer, or what a trusted proxy saw; never a hop the caller wrote itself). So two
 * inspectors on the same app have a budget each, and a caller cannot get a fresh one by rotating
 * {@code X-Forwarded-For}. Without a token the key is the address alone. The open {@code /api/v1/public/**} paths have
 * their own, tighter budget. Over the limit: 429 problem+json with {@code Retry-After}. Runs after token validation,
 * so the key is never taken from an unverified token.
 */
public class RateLimitFilter implements WebFilter, Ordered {

    /** After Spring Security's filter chain (order -100). */
    public static final int ORDER = 0;
    private static final AntPathMatcher PATHS = new AntPathMatcher();

    private final TokenBuckets api;
    private final TokenBuckets publicApi;
    private final EdgeProperties properties;
    private final ClientAddresses addresses;

    public RateLimitFilter(EdgeProperties properties, ClientAddresses addresses) {
        this.properties = properties;
        this.addresses = addresses;
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
                .map(authentication -> callerKey((JwtAuthenticationToken) authentication) + "@" + address(exchange))
                .defaultIfEmpty("address:" + address(exchange))
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
                            "too many requests from this caller; retry after "
                                    + decision.retryAfterSeconds() + " s",
                            Map.of("retryAfterSeconds", decision.retryAfterSeconds()));
                });
    }

    /** A person (the token's subject), or a system calling with its own client credentials (the client). */
    static String callerKey(JwtAuthenticationToken token) {
        var jwt = token.getToken();
        String client = jwt.getClaimAsString("azp");
        if (client == null) {
            client = jwt.getClaimAsString("client_id");
        }
        String username = jwt.getClaimAsString("preferred_username");
        boolean serviceAccount = jwt.hasClaim("client_id") || jwt.hasClaim("clientId")
                || (username != null && username.startsWith("service-account-"));
        if ((serviceAccount || jwt.getSubject() == null) && client != null) {
            return "client:" + client;
        }
        return "user:" + jwt.getSubject();
    }

    private String address(ServerWebExchange exchange) {
        return addresses.client(exchange.getRequest());
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
