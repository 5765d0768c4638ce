package org.liuhua.kit.web;

import java.util.List;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolationException;
import org.liuhua.kit.domain.ConflictException;
import org.liuhua.kit.domain.FieldProblem;
import org.liuhua.kit.domain.ForbiddenException;
import org.liuhua.kit.domain.InvalidInputException;
import org.liuhua.kit.domain.NotFoundException;
import org.liuhua.kit.domain.TooManyRequestsException;
import org.liuhua.kit.problem.ProblemType;
import org.liuhua.kit.problem.Problems;
import org.liuhua.kit.store.StoreOutage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestCookieException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;

/**
 * Every error a service answers is RFC 9457 problem+json with one of kit-core's {@link ProblemType types} and the
 * trace id. Only input that cannot be bound or fails validation is a 400 ({@code invalid-input}), naming each field,
 * parameter or part ({@code errors: [{field, message}]}); conflicts name the current state and the allowed commands.
 * Anything else unexpected, an {@link IllegalArgumentException} included, is a bug: 500 {@code internal-error}, logged
 * at ERROR with the trace id the answer carries. Errors Spring handles itself (404, 405, 406, 413, 415, ...) keep
 * their status and detail and get the kit's type; those answered outside Spring MVC reach
 * {@link ProblemErrorController}.
 */
@RestControllerAdvice
public class ProblemHandling extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, ProblemType.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, ProblemType.CONFLICT, e.getMessage());
        if (e.currentState() != null) {
            problem.setProperty("currentState", e.currentState());
        }
        problem.setProperty("allowedCommands", e.allowed());
        return problem;
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ProblemDetail concurrentChange(OptimisticLockingFailureException e) {
        return problem(HttpStatus.CONFLICT, ProblemType.CONCURRENT_CHANGE,
                "the object was changed concurrently; read it again and retry");
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e) {
        return invalid(e.errors());
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail constraintViolation(ConstraintViolationException e) {
        return invalid(e.getConstraintViolations().stream()
                .map(v -> new FieldProblem(lastNode(v.getPropertyPath().toString()), v.getMessage())).toList());
    }

    @ExceptionHandler(ForbiddenException.class)
    ProblemDetail forbidden(ForbiddenException e) {
        return problem(HttpStatus.FORBIDDEN, ProblemType.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail accessDenied(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, ProblemType.FORBIDDEN, "your role does not allow this action");
    }

    /** A multipart body that cannot be parsed; one over the size limit is a 413 (handled by the base class). */
    @ExceptionHandler(MultipartException.class)
    ProblemDetail unreadableMultipart(MultipartException e) {
        return invalid(List.of(new FieldProblem("body", "is not a readable multipart request")));
    }

    /**
     * The store went away for a moment (restarted, unreachable, timed out selecting a server): 503 with
     * {@code Retry-After}, not a 500. Nothing was acknowledged; a write in flight when the store went away may still
     * have been stored, so the client retries with the same {@code Idempotency-Key}.
     */
    @ExceptionHandler({DataAccessResourceFailureException.class, com.mongodb.MongoSocketException.class,
            com.mongodb.MongoTimeoutException.class})
    ResponseEntity<ProblemDetail> storeUnavailable(Exception e) {
        log.warn("store unavailable, answered 503 (trace {}): {}", TraceContext.currentTraceId(), e.toString());
        return storeOutage(null);
    }

    /** The one answer to a store outage, also under a filter ({@link ProblemErrorController}); instance if known. */
    static ResponseEntity<ProblemDetail> storeOutage(java.net.URI instance) {
        ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, ProblemType.SERVICE_UNAVAILABLE,
                "the data store is unavailable for a moment; retry with the same Idempotency-Key");
        if (instance != null) {
            problem.setInstance(instance);
        }
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /**
     * A bug, not bad input: whatever no handler above names, {@link IllegalArgumentException} included — unless some
     * cause says the store is away (e.g. a not-primary error during an election, which Spring Data leaves
     * uncategorised): that is the same 503 as above ({@link StoreOutage}, the consumers' rule too).
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (StoreOutage.isCause(e)) {
            return storeUnavailable(e);
        }
        log.error("unexpected error, trace {}", TraceContext.currentTraceId(), e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(HttpStatus.INTERNAL_SERVER_ERROR, ProblemType.INTERNAL_ERROR,
                        "an unexpected error occurred; quote the trace id when reporting it"));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<FieldProblem> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldProblem(f.getField(), f.getDefaultMessage())).collect(Collectors.toList());
        e.getBindingResult().getGlobalErrors()
                .forEach(g -> errors.add(new FieldProblem(g.getObjectName(), g.getDefaultMessage())));
        return badRequest(e, errors, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                            HttpHeaders headers,
                                                                            HttpStatusCode status,
                                                                            WebRequest request) {
        List<FieldProblem> errors = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> new FieldProblem(
                        r.getMethodParameter().getParameterName(), err.getDefaultMessage())))
                .toList();
        return badRequest(e, errors, headers, request);
    }

    /**
     * A value that cannot be read names its JSON path ({@code deadline}, {@code checkIns[3].deviceTime}): a wrong type,
     * a bad date, a number where a date is expected, an unknown enum value, a string over the length limit, and
     * malformed JSON (the path where the parser stopped); only a body that is missing or not JSON at its top level
     * names {@code body}. A value the command itself refused names what the command named. A body over the size
     * limit or too slow to arrive is a 413 or 408 ({@link BodyLimitFilter}).
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        BodyLimitException limit = BodyLimitException.among(e);
        if (limit != null) {
            return bodyLimit(limit, e, headers, request);
        }
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof InvalidInputException refused) {
                return badRequest(e, refused.errors(), headers, request);
            }
        }
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof JacksonException jackson) {
                String path = jsonPath(jackson);
                if (!path.isEmpty()) {
                    return badRequest(e, List.of(new FieldProblem(path, JsonProblems.describe(jackson))), headers,
                            request);
                }
            }
        }
        return badRequest(e, List.of(new FieldProblem("body", "the request body is missing or is not valid JSON")),
                headers, request);
    }

    /** A body refused while it was read by something other than a message converter. */
    @ExceptionHandler(BodyLimitException.class)
    ResponseEntity<Object> bodyLimit(BodyLimitException e, WebRequest request) {
        return bodyLimit(e, e, new HttpHeaders(), request);
    }

    private ResponseEntity<Object> bodyLimit(BodyLimitException limit, Exception e, HttpHeaders headers,
                                             WebRequest request) {
        headers.set(HttpHeaders.CONNECTION, "close");
        return handleExceptionInternal(e, problem(limit.status(), ProblemType.of(limit.status()), limit.getMessage()),
                headers, limit.status(), request);
    }

    /** A budget used up: 429 with {@code Retry-After} in seconds. */
    @ExceptionHandler(TooManyRequestsException.class)
    ResponseEntity<ProblemDetail> tooManyRequests(TooManyRequestsException e) {
        ProblemDetail problem = problem(HttpStatus.TOO_MANY_REQUESTS, ProblemType.RATE_LIMITED, e.getMessage());
        problem.setProperty("retryAfterSeconds", e.retryAfterSeconds());
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds())).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
                                                                          HttpHeaders headers,
                                                                          HttpStatusCode status,
                                                                          WebRequest request) {
        return badRequest(e, List.of(new FieldProblem(e.getParameterName(), "is required")), headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException e,
                                                                     HttpHeaders headers, HttpStatusCode status,
                                                                     WebRequest request) {
        return badRequest(e, List.of(new FieldProblem(e.getRequestPartName(), "is required")), headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleServletRequestBindingException(ServletRequestBindingException e,
                                                                          HttpHeaders headers,
                                                                          HttpStatusCode status,
                                                                          WebRequest request) {
        if (e instanceof MissingRequestHeaderException header) {
            return badRequest(e, List.of(new FieldProblem(header.getHeaderName(), "is required")), headers,
                    request);
        }
        if (e instanceof MissingRequestCookieException cookie) {
            return badRequest(e, List.of(new FieldProblem(cookie.getCookieName(), "is required")), headers,
                    request);
        }
        return super.handleServletRequestBindingException(e, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException argument ? argument.getName()
                : e.getPropertyName();
        return badRequest(e, List.of(new FieldProblem(name, "cannot be read as "
                + (e.getRequiredType() == null ? "the expected type" : e.getRequiredType().getSimpleName())
                + ": '" + e.getValue() + "'")), headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException e, HttpHeaders headers,
                                                                    HttpStatusCode status, WebRequest request) {
        String path = request instanceof ServletWebRequest servlet ? servlet.getRequest().getRequestURI()
                : "/" + e.getResourcePath();
        return handleExceptionInternal(e, problem(HttpStatus.NOT_FOUND, ProblemType.NOT_FOUND,
                "no resource at " + path), headers, status, request);
    }

    /** Every answer of the base class: a server error is logged; Spring's own problem gets the kit's type. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        if (status.is5xxServerError()) {
            log.error("request failed with {}, trace {}", status.value(), TraceContext.currentTraceId(), e);
        }
        return super.handleExceptionInternal(e, body, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            Problems.adopt(problem, TraceContext.currentTraceId());
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    private ResponseEntity<Object> badRequest(Exception e, List<FieldProblem> errors, HttpHeaders headers,
                                              WebRequest request) {
        return handleExceptionInternal(e, invalid(errors), headers, HttpStatus.BAD_REQUEST, request);
    }

    private static ProblemDetail invalid(List<FieldProblem> errors) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, ProblemType.INVALID_INPUT,
                errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; ")));
        problem.setProperty("errors", errors);
        return problem;
    }

    /** A problem of the given type with the current trace id. */
    public static ProblemDetail problem(HttpStatusCode status, ProblemType type, String detail) {
        return Problems.of(status, type, detail, TraceContext.currentTraceId());
    }

    private static String jsonPath(JacksonException jackson) {
        return JsonProblems.path(jackson);
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

}
