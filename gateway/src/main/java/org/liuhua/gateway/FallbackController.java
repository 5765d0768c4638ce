package org.liuhua.gateway;

import java.util.Map;

import org.liuhua.gateway.edge.ProblemResponses;
import org.liuhua.kit.problem.ProblemType;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * Where a route's circuit breaker sends a request when the service is down, slow past its timeout, or its circuit
 * is open: 503 problem+json naming the service (with the trace id), at once, never a hang.
 */
@RestController
class FallbackController {

    @RequestMapping("/fallback/{service}")
    ResponseEntity<ProblemDetail> unavailable(@PathVariable String service, ServerWebExchange exchange) {
        ProblemDetail problem = ProblemResponses.problem(exchange, HttpStatus.SERVICE_UNAVAILABLE,
                ProblemType.SERVICE_UNAVAILABLE,
                service + " is unavailable or did not answer in time; try again shortly", Map.of("service", service));
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
