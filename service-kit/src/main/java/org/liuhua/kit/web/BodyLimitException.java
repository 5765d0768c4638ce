package org.liuhua.kit.web;

import java.io.IOException;

import org.springframework.http.HttpStatus;

/**
 * A request body refused while it was being read ({@link BodyLimitFilter}): larger than the limit (413) or not
 * arrived within the time a service waits for it (408). An {@link IOException}, so that whatever reads the body
 * (Jackson, a converter, a controller) stops at once; {@link ProblemHandling} answers it wherever it surfaces.
 */
public class BodyLimitException extends IOException {

    private final HttpStatus status;

    BodyLimitException(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }

    /** The body limit among the causes of {@code e}, or null. */
    static BodyLimitException among(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof BodyLimitException limit) {
                return limit;
            }
        }
        return null;
    }
}
