package org.liuhua.gateway.edge;

import java.util.List;
import java.util.Map;

import org.liuhua.kit.problem.ProblemType;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Spring Security's firewall refuses a request whose path could mean something else to the service behind the
 * gateway (an encoded {@code /}, {@code %} or {@code .}, a {@code ..} segment, a control character, a backslash, a
 * semicolon). It does so before the request is routed, for every caller alike (with or without a token), so the
 * answer cannot tell a caller anything about an operation. Instead of the firewall's bare 400 this answers an RFC
 * 9457 problem that names the request's {@code path}, like every other refusal of the platform.
 */
public class RejectedRequestHandler implements ServerExchangeRejectedHandler {

    /** The field a refused path is named by in {@code errors[]}. */
    public static final String FIELD = "path";
    static final String MESSAGE = "must not contain an encoded '/', '%' or '.', a '..' segment, a backslash, a "
            + "semicolon or control characters";

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
        return ProblemResponses.write(exchange, HttpStatus.BAD_REQUEST, ProblemType.INVALID_INPUT,
                FIELD + ": " + MESSAGE, Map.of("errors", List.of(Map.of("field", FIELD, "message", MESSAGE))));
    }
}
