package org.liuhua.gateway.edge;

import org.liuhua.kit.trace.TraceParent;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Starts or continues the W3C trace of every request (kit-core's {@link TraceParent}, as the services do): a valid
 * incoming {@code traceparent} keeps its trace id and gets a new span id (the gateway's hop); a missing or malformed
 * one starts a new trace. The services receive the new {@code traceparent}; the client gets {@code X-Trace-Id}, which
 * every problem answer also carries.
 */
public class TraceParentFilter implements WebFilter, Ordered {

    public static final String TRACE_ID_ATTRIBUTE = TraceParentFilter.class.getName() + ".traceId";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String incoming = exchange.getRequest().getHeaders().getFirst(TraceParent.HEADER);
        TraceParent trace = TraceParent.continueOrStart(incoming);
        exchange.getAttributes().put(TRACE_ID_ATTRIBUTE, trace.traceId());
        ServerHttpRequest request = exchange.getRequest().mutate()
                .headers(headers -> headers.set(TraceParent.HEADER, trace.header())).build();
        exchange.getResponse().beforeCommit(() -> {
            exchange.getResponse().getHeaders().set(TraceParent.TRACE_ID_HEADER, trace.traceId());
            return Mono.empty();
        });
        return chain.filter(exchange.mutate().request(request).build());
    }

    /** The trace id of the exchange, once this filter ran. */
    public static String traceId(ServerWebExchange exchange) {
        return exchange.getAttribute(TRACE_ID_ATTRIBUTE);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
