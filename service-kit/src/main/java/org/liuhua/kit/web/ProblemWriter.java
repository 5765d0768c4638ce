package org.liuhua.kit.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import org.liuhua.kit.problem.Problems;
import org.springframework.http.ProblemDetail;

/** Writes a problem answer from code outside Spring MVC (filters), in the same shape {@link ProblemHandling} has. */
final class ProblemWriter {

    private ProblemWriter() {
    }

    static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.resetBuffer();
        response.setStatus(problem.getStatus());
        response.setContentType(Problems.MEDIA_TYPE);
        response.getOutputStream().write(Problems.json(problem));
        response.flushBuffer();
    }
}
