package org.liuhua.kit.problem;

import java.net.URI;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * A kind of problem, the same in the gateway and every service: the RFC 9457 {@code type} URI (under {@link #BASE})
 * and the title that goes with it. Clients may switch on the type; the detail is for people.
 *
 * @param name  the last segment of the type URI, e.g. {@code not-found}
 * @param title a short, fixed summary of the kind of problem
 */
public record ProblemType(String name, String title) {

    public static final String BASE = "https://liuhua.org/problems/";

    /** A request that could not be bound or failed validation; {@code errors} names each field or parameter. */
    public static final ProblemType INVALID_INPUT = new ProblemType("invalid-input", "Invalid input");
    public static final ProblemType UNAUTHORIZED = new ProblemType("unauthorized", "Unauthorized");
    public static final ProblemType FORBIDDEN = new ProblemType("forbidden", "Forbidden");
    public static final ProblemType NOT_FOUND = new ProblemType("not-found", "Not found");
    /** A command the object's current state does not allow; names the state and the allowed commands. */
    public static final ProblemType CONFLICT = new ProblemType("conflict", "Not allowed in the current state");
    /** Someone else changed the object first; read it again and retry. */
    public static final ProblemType CONCURRENT_CHANGE = new ProblemType("concurrent-change", "Changed by someone else");
    public static final ProblemType PAYLOAD_TOO_LARGE = new ProblemType("payload-too-large", "Payload too large");
    /** Too many requests of this caller or address; the answer's {@code Retry-After} says when to try again. */
    public static final ProblemType RATE_LIMITED = new ProblemType("rate-limited", "Too many requests");
    /** The request body did not arrive within the time a service waits for it. */
    public static final ProblemType REQUEST_TIMEOUT = new ProblemType("request-timeout", "Request timeout");
    /** An {@code Idempotency-Key} this caller already used for a different request. */
    public static final ProblemType IDEMPOTENCY_KEY_REUSED = new ProblemType("idempotency-key-reused",
            "Idempotency key used for another request");
    /** The first request with this {@code Idempotency-Key} is still being processed; retry later. */
    public static final ProblemType REQUEST_IN_PROGRESS = new ProblemType("request-in-progress",
            "A request with this idempotency key is in progress");
    /** A bug or an outage behind the answer; logged with the trace id the answer carries. */
    public static final ProblemType INTERNAL_ERROR = new ProblemType("internal-error", "Internal error");
    public static final ProblemType SERVICE_UNAVAILABLE = new ProblemType("service-unavailable",
            "Service unavailable");

    public URI uri() {
        return URI.create(BASE + name);
    }

    /**
     * The type of an answer with this status when nothing more specific is known: the kit's own type for the statuses
     * it names, otherwise one named after the status ({@code method-not-allowed}, "Method not allowed").
     */
    public static ProblemType of(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> INVALID_INPUT;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 408 -> REQUEST_TIMEOUT;
            case 409 -> CONFLICT;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 429 -> RATE_LIMITED;
            case 500 -> INTERNAL_ERROR;
            case 503 -> SERVICE_UNAVAILABLE;
            default -> named(HttpStatus.resolve(status.value()));
        };
    }

    private static ProblemType named(HttpStatus status) {
        if (status == null) {
            return new ProblemType("error", "Error");
        }
        String phrase = status.getReasonPhrase();
        return new ProblemType(status.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                phrase.charAt(0) + phrase.substring(1).toLowerCase(Locale.ROOT));
    }
}
