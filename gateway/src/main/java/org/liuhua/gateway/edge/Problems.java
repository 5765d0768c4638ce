package org.liuhua.gateway.edge;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes RFC 9457 problem+json answers from the gateway's own filters, in the shape the services use ({@code type},
 * {@code title}, {@code status}, {@code detail}, {@code traceId}).
 */
public final class Problems {

    public static final String TYPE_BASE = "https://liuhua.org/problems/";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Problems() {
    }

    public static Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, String type, String title,
                                   String detail) {
        return write(exchange, status, type, title, detail, Map.of());
    }

    public static Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, String type, String title,
                                   String detail, Map<String, Object> extra) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_BASE + type);
        body.put("title", title);
        body.put("status", status.value());
        body.put("detail", detail);
        body.put("instance", exchange.getRequest().getPath().value());
        Object traceId = exchange.getAttribute(TraceParentFilter.TRACE_ID_ATTRIBUTE);
        if (traceId != null) {
            body.put("traceId", traceId);
        }
        body.putAll(extra);
        byte[] bytes = JSON.writeValueAsBytes(body);
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().setContentLength(bytes.length);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
    }

    /** The problem type name of a status without a more specific one. */
    public static String typeOf(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "error" : known.name().toLowerCase().replace('_', '-');
    }

    public static String titleOf(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "Error" : known.getReasonPhrase();
    }
}
