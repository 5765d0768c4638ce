package org.liuhua.kit.domain;

import java.time.Duration;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A caller over a rate limit: 429 problem+json with a {@code Retry-After} header (whole seconds, at least 1).
 */
public class TooManyRequestsException extends ErrorResponseException {

    private final Duration retryAfter;

    public TooManyRequestsException(String detail, Duration retryAfter) {
        super(HttpStatus.TOO_MANY_REQUESTS, problem(detail), null);
        this.retryAfter = retryAfter == null || retryAfter.isNegative() ? Duration.ZERO : retryAfter;
        getHeaders().set("Retry-After", Long.toString(Math.max(1, (this.retryAfter.toMillis() + 999) / 1000)));
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** The kit's problem handling gives it the type and title of its status. */
    private static ProblemDetail problem(String detail) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, detail);
    }
}
