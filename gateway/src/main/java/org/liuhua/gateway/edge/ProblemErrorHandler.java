package org.liuhua.gateway.edge;

import org.liuhua.kit.problem.ProblemType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Every error the gateway itself answers is problem+json of kit-core's types: unknown paths (404), wrong methods
 * (405), oversized bodies (413), and anything unexpected (500, logged with the trace id).
 */
public class ProblemErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        HttpStatusCode status;
        String detail;
        if (error instanceof ResponseStatusException e) {
            status = e.getStatusCode();
            detail = e.getReason() != null ? e.getReason() : ProblemType.of(status).title();
            if (status.value() == 404) {
                detail = "no resource at " + exchange.getRequest().getPath().value();
            }
        } else {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
            detail = "an unexpected error occurred; quote the trace id when reporting it";
            log.error("unexpected gateway error, trace {}", TraceParentFilter.traceId(exchange), error);
        }
        HttpHeaders kept = new HttpHeaders();
        if (error instanceof ResponseStatusException e) {
            kept.addAll(e.getHeaders());
        }
        exchange.getResponse().getHeaders().clear();
        exchange.getResponse().getHeaders().addAll(kept);
        return ProblemResponses.write(exchange, status, ProblemType.of(status), detail);
    }
}
