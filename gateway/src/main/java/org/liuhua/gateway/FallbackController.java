package org.liuhua.gateway;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import org.liuhua.gateway.edge.ProblemResponses;
import org.liuhua.kit.problem.ProblemType;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Where a route's circuit breaker sends a request when the service is down, slow past its timeout, or its circuit
 * is open: problem+json naming the service (with the trace id), at once, never a hang.
 * <ul>
 *   <li>the service did not answer in time: <b>504</b>; for a write (POST, PUT, PATCH, DELETE) the answer says that
 *   the write may have been applied and that a retry with the same {@code Idempotency-Key} is safe (the service
 *   answers a repeat with the first answer and {@code Idempotent-Replayed: true}), so a client never takes a write
 *   the gateway gave up on for a failed one;</li>
 *   <li>the service is down or its circuit open: <b>503</b> with {@code Retry-After} (nothing reached the service);</li>
 *   <li>the request itself was refused while it was forwarded (its body too large or too slow): that refusal.</li>
 * </ul>
 */
@RestController
class FallbackController {

    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    @RequestMapping("/fallback/{service}")
    Mono<ResponseEntity<ProblemDetail>> unavailable(@PathVariable String service, ServerWebExchange exchange) {
        Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        if (cause instanceof ResponseStatusException refused && refused.getStatusCode().is4xxClientError()) {
            return Mono.error(refused);
        }
        if (timedOut(cause)) {
            boolean write = !READS.contains(exchange.getRequest().getMethod());
            String detail = write
                    ? service + " did not answer in time; the write may still have been applied: repeat the request "
                    + "with the same Idempotency-Key header (it is then applied at most once and answered as the "
                    + "first time), or check its result before writing again"
                    : service + " did not answer in time; try again shortly";
            ProblemDetail problem = ProblemResponses.problem(exchange, HttpStatus.GATEWAY_TIMEOUT,
                    ProblemType.of(HttpStatus.GATEWAY_TIMEOUT), detail,
                    Map.of("service", service, "mayHaveBeenApplied", write));
            return Mono.just(ResponseEntity.status(HttpStatus.GATEWAY_TIMEOUT)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem));
        }
        ProblemDetail problem = ProblemResponses.problem(exchange, HttpStatus.SERVICE_UNAVAILABLE,
                ProblemType.SERVICE_UNAVAILABLE,
                service + " is unavailable; try again shortly", Map.of("service", service));
        return Mono.just(ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem));
    }

    private static boolean timedOut(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException || t instanceof io.netty.handler.timeout.ReadTimeoutException
                    || (t instanceof ResponseStatusException e && e.getStatusCode().value() == 504)) {
                return true;
            }
        }
        return false;
    }
}
