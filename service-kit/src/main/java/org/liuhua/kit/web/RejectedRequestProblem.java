package org.liuhua.kit.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.liuhua.kit.domain.FieldProblem;
import org.liuhua.kit.problem.ProblemType;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Spring Security's firewall refuses a request whose path could mean something else to a handler (an encoded
 * {@code /}, {@code %} or {@code .}, a {@code ..} segment, a control character, a backslash, a semicolon), or whose
 * method or header values are not plain HTTP. It does so before any handler is chosen and for every caller alike, so
 * the answer tells nobody anything about an operation. Instead of the firewall's bare 400 this is an RFC 9457
 * problem naming what was refused: {@code path} (the usual case), {@code method} or {@code headers}.
 */
public class RejectedRequestProblem implements RequestRejectedHandler {

    static final String PATH_MESSAGE = "must not contain an encoded '/', '%' or '.', a '..' segment, a backslash, "
            + "a semicolon or control characters";

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        String reason = rejected.getMessage() == null ? "" : rejected.getMessage();
        FieldProblem problem;
        if (reason.contains("HTTP method")) {
            problem = new FieldProblem("method", "is not an HTTP method this service answers");
        } else if (reason.contains("header")) {
            problem = new FieldProblem("headers", "a header name or value holds characters HTTP does not allow");
        } else {
            problem = new FieldProblem("path", PATH_MESSAGE);
        }
        ProblemDetail detail = ProblemHandling.problem(HttpStatus.BAD_REQUEST, ProblemType.INVALID_INPUT,
                problem.field() + ": " + problem.message());
        detail.setProperty("errors", List.of(problem));
        ProblemWriter.write(response, detail);
    }
}
