package org.liuhua.kit.web;

import java.net.URI;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.liuhua.kit.problem.ProblemType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The error page ({@code /error}) as problem+json, in place of Spring Boot's: what the servlet container answers
 * outside Spring MVC (an exception thrown in a filter, a {@code sendError}) has the kit's type and the request's trace
 * id. Asked for directly, there is no such resource.
 */
@RestController
@io.swagger.v3.oas.annotations.Hidden
@RequestMapping("${server.error.path:${error.path:/error}}")
public class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    @RequestMapping
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        ProblemDetail problem;
        if (!(code instanceof Integer status)) {
            problem = ProblemHandling.problem(HttpStatus.NOT_FOUND, ProblemType.NOT_FOUND,
                    "no resource at " + request.getRequestURI());
        } else if (status >= 500 && storeUnavailable(request.getAttribute(RequestDispatcher.ERROR_EXCEPTION))) {
            // the store went away under a filter (the idempotency keys, the audit): as in ProblemHandling, a 503
            log.warn("store unavailable under a filter, answered 503 (trace {})", TraceContext.currentTraceId());
            return ProblemHandling.storeOutage(URI.create(path instanceof String uri ? uri
                    : request.getRequestURI()));
        } else if (status >= 500) {
            log.error("request to {} failed with {}, trace {}", path, status, TraceContext.currentTraceId(),
                    request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
            problem = ProblemHandling.problem(HttpStatusCode.valueOf(status),
                    ProblemType.of(HttpStatusCode.valueOf(status)),
                    "an unexpected error occurred; quote the trace id when reporting it");
        } else {
            Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
            HttpStatus known = HttpStatus.resolve(status);
            String detail = message instanceof String text && !text.isBlank() ? text
                    : known != null ? known.getReasonPhrase() : "error " + status;
            problem = ProblemHandling.problem(HttpStatusCode.valueOf(status),
                    ProblemType.of(HttpStatusCode.valueOf(status)), detail);
        }
        problem.setInstance(URI.create(path instanceof String uri ? uri : request.getRequestURI()));
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static boolean storeUnavailable(Object error) {
        for (Throwable t = error instanceof Throwable thrown ? thrown : null; t != null; t = t.getCause()) {
            if (t instanceof org.springframework.dao.DataAccessResourceFailureException
                    || t instanceof com.mongodb.MongoSocketException || t instanceof com.mongodb.MongoTimeoutException) {
                return true;
            }
        }
        return false;
    }
}
