package org.liuhua.reporting.audit.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.liuhua.kit.domain.FieldProblem;
import org.liuhua.kit.domain.InvalidInputException;

/**
 * Which audit entries a query asks for; every value checked on construction, each problem naming its parameter.
 *
 * @param subject  token subject or user name (either matches)
 * @param action   the action, or its beginning (e.g. {@code POST /api/v1/hazards})
 * @param targetId the object acted on
 * @param from     occurred at or after
 * @param to       occurred before
 */
public record AuditFilter(String subject, String action, String targetId, Instant from, Instant to) {

    /** Longer than any subject, action or id the services record. */
    public static final int MAX_LENGTH = 300;

    public AuditFilter {
        subject = blankToNull(subject);
        action = blankToNull(action);
        targetId = blankToNull(targetId);
        List<FieldProblem> problems = new ArrayList<>();
        check("subject", subject, problems);
        check("action", action, problems);
        check("targetId", targetId, problems);
        if (from != null && to != null && !from.isBefore(to)) {
            problems.add(new FieldProblem("from", "must be before to"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static void check(String name, String value, List<FieldProblem> problems) {
        if (value == null) {
            return;
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            problems.add(new FieldProblem(name, "must not contain control characters"));
        } else if (value.length() > MAX_LENGTH) {
            problems.add(new FieldProblem(name, "must be at most " + MAX_LENGTH + " characters"));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
