package org.liuhua.gateway.edge;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Every error the gateway itself answers is problem+json: unknown paths (404), wrong methods (405), oversized bodies
 * (413), and anything unexpected (500, logged with the trace id).
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
            detail = e.getReason() != null ? e.getReason() : Problems.titleOf(status);
            if (status.value() == 404) {
                detail = "no resource at " + exchange.getRequest().getPath().value();
            }
        } else {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
            detail = "an unexpected error occurred; quote the trace id when reporting it";
            log.error("unexpected gateway error, trace {}", exchange.getAttributes()
                    .get(TraceParentFilter.TRACE_ID_ATTRIBUTE), error);
        }
        String type = switch (status.value()) {
            case 404 -> "not-found";
            case 413 -> "payload-too-large";
            case 500 -> "internal-error";
            default -> Problems.typeOf(status);
        };
        exchange.getResponse().getHeaders().clear();
        return Problems.write(exchange, status, type, Problems.titleOf(status), detail);
    }
}
