package org.liuhua.kit.problem;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the problem+json answers of the gateway and the services, so that both stacks answer every error in one
 * shape: {@code type}, {@code title}, {@code status}, {@code detail}, {@code instance} (when known), {@code traceId},
 * then any members of the problem itself (e.g. {@code errors}).
 */
public final class Problems {

    /** The member that carries the trace id; it is also answered as the {@code X-Trace-Id} header. */
    public static final String TRACE_ID = "traceId";
    public static final String MEDIA_TYPE = "application/problem+json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Problems() {
    }

    /** A problem of the given type; {@code traceId} may be null when no trace is known. */
    public static ProblemDetail of(HttpStatusCode status, ProblemType type, String detail, String traceId) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type.uri());
        problem.setTitle(type.title());
        if (traceId != null) {
            problem.setProperty(TRACE_ID, traceId);
        }
        return problem;
    }

    /** A problem typed by its status alone ({@link ProblemType#of}). */
    public static ProblemDetail of(HttpStatusCode status, String detail, String traceId) {
        return of(status, ProblemType.of(status), detail, traceId);
    }

    /**
     * Gives a problem made elsewhere (by Spring, from an exception it handles itself) the kit's type and title for
     * its status, unless it already has a type of its own, and the trace id.
     */
    public static ProblemDetail adopt(ProblemDetail problem, String traceId) {
        if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
            ProblemType type = ProblemType.of(HttpStatusCode.valueOf(problem.getStatus()));
            problem.setType(type.uri());
            problem.setTitle(type.title());
        }
        if (traceId != null && (problem.getProperties() == null || !problem.getProperties().containsKey(TRACE_ID))) {
            problem.setProperty(TRACE_ID, traceId);
        }
        return problem;
    }

    /** The members of the answer, in the order above. */
    public static Map<String, Object> members(ProblemDetail problem) {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("type", String.valueOf(problem.getType()));
        members.put("title", problem.getTitle());
        members.put("status", problem.getStatus());
        members.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            members.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            members.putAll(problem.getProperties());
        }
        return members;
    }

    /** The answer's body, for code that writes the response itself (filters, entry points). */
    public static byte[] json(ProblemDetail problem) {
        return JSON.writeValueAsBytes(members(problem));
    }
}
