package org.liuhua.gateway.edge;

import java.util.Map;

import org.liuhua.kit.problem.ProblemType;
import org.liuhua.kit.problem.Problems;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Writes the problem+json answers of the gateway's own filters and handlers: kit-core's problem types and body, the
 * same as every service answers, with the request path as {@code instance} and the trace id.
 */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, ProblemType type,
                                   String detail) {
        return write(exchange, status, type, detail, Map.of());
    }

    public static Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, ProblemType type,
                                   String detail, Map<String, Object> members) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        byte[] body = Problems.json(problem(exchange, status, type, detail, members));
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().setContentLength(body.length);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    /** The problem of this exchange: its trace id, its path as {@code instance}. */
    public static ProblemDetail problem(ServerWebExchange exchange, HttpStatusCode status, ProblemType type,
                                        String detail, Map<String, Object> members) {
        ProblemDetail problem = Problems.of(status, type, detail, TraceParentFilter.traceId(exchange));
        try {
            problem.setInstance(java.net.URI.create(exchange.getRequest().getPath().value()));
        } catch (IllegalArgumentException unparseable) {
            // a path the firewall refused may not be a URI reference at all: the problem goes without instance
        }
        members.forEach(problem::setProperty);
        return problem;
    }
}
