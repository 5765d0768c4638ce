package org.liuhua.gateway.edge;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Starts or continues the W3C trace of every request: a valid incoming {@code traceparent} keeps its trace id and
 * gets a new span id (the gateway's hop); a missing or malformed one starts a new trace. The services receive the
 * new {@code traceparent}; the client gets {@code X-Trace-Id}, which every problem answer also carries.
 */
public class TraceParentFilter implements WebFilter, Ordered {

    public static final String HEADER = "traceparent";
    public static final String TRACE_ID_ATTRIBUTE = TraceParentFilter.class.getName() + ".traceId";
    private static final Pattern VALID = Pattern.compile("^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$");
    private static final String INVALID_TRACE_ID = "0".repeat(32);
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String incoming = exchange.getRequest().getHeaders().getFirst(HEADER);
        var match = incoming == null ? null : VALID.matcher(incoming.trim());
        boolean continues = match != null && match.matches() && !INVALID_TRACE_ID.equals(match.group(1));
        String traceId = continues ? match.group(1) : randomHex(16);
        String flags = continues ? match.group(3) : "01";
        String traceparent = "00-" + traceId + "-" + randomHex(8) + "-" + flags;
        exchange.getAttributes().put(TRACE_ID_ATTRIBUTE, traceId);
        ServerHttpRequest request = exchange.getRequest().mutate()
                .headers(headers -> headers.set(HEADER, traceparent)).build();
        exchange.getResponse().beforeCommit(() -> {
            exchange.getResponse().getHeaders().set("X-Trace-Id", traceId);
            return Mono.empty();
        });
        return chain.filter(exchange.mutate().request(request).build());
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    private static String randomHex(int bytes) {
        byte[] buffer = new byte[bytes];
        RANDOM.nextBytes(buffer);
        return HexFormat.of().formatHex(buffer);
    }
}
