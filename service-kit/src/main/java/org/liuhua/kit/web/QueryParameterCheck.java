package org.liuhua.kit.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.liuhua.kit.domain.FieldProblem;
import org.liuhua.kit.domain.InvalidInputException;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses a query parameter whose name or value holds a control character (a NUL, a line break, ...), cannot be
 * decoded, or is longer than {@code liuhua.limits.max-parameter-length}: a 400 naming the parameter, before any
 * handler reads it (a NUL reaching a query or a regular expression is a 500 otherwise, and an identifier of
 * thousands of characters is no identifier). Runs after {@link PreAuthorizeFirst}, so a caller without the role
 * still gets 403 first.
 */
public class QueryParameterCheck implements HandlerInterceptor {

    private final int maxLength;

    public QueryParameterCheck(int maxLength) {
        this.maxLength = maxLength;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String query = request.getQueryString();
        if (query == null || query.isEmpty() || request.getDispatcherType() != DispatcherType.REQUEST) {
            return true;
        }
        List<FieldProblem> problems = new ArrayList<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String rawName = equals < 0 ? pair : pair.substring(0, equals);
            String rawValue = equals < 0 ? "" : pair.substring(equals + 1);
            String name = decode(rawName);
            String value = decode(rawValue);
            if (name == null) {
                problems.add(new FieldProblem(printable(rawName), "is not a readable parameter name"));
            } else if (hasControlCharacters(name)) {
                problems.add(new FieldProblem(printable(name), "a parameter name must not contain control "
                        + "characters"));
            } else if (value == null) {
                problems.add(new FieldProblem(name, "cannot be decoded (bad %-escape or not UTF-8)"));
            } else if (hasControlCharacters(value)) {
                problems.add(new FieldProblem(name, "must not contain control characters: '" + printable(value)
                        + "'"));
            } else if (value.length() > maxLength) {
                problems.add(new FieldProblem(name, "is too long: " + value.length() + " characters, at most "
                        + maxLength));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return true;
    }

    private static String decode(String raw) {
        try {
            String decoded = URLDecoder.decode(raw, StandardCharsets.UTF_8);
            return decoded.indexOf('\uFFFD') >= 0 && raw.indexOf('\uFFFD') < 0 ? null : decoded;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static boolean hasControlCharacters(String text) {
        return text.chars().anyMatch(Character::isISOControl);
    }

    static String printable(String raw) {
        String cut = raw.length() > 40 ? raw.substring(0, 40) + "…" : raw;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
