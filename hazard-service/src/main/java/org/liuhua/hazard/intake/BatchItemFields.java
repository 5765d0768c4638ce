package org.liuhua.hazard.intake;

import java.util.List;
import java.util.Map;

import org.liuhua.kit.domain.FieldProblem;

/** Reading one item of a pushed batch (firm findings, monitoring alerts): each bad field named by its path. */
final class BatchItemFields {

    private BatchItemFields() {
    }

    /**
     * The text {@code field} of the {@code index}-th item of {@code list}, or null (a problem naming
     * {@code list[index].field} added when it is required and missing, not a string or longer than {@code max}).
     */
    static String text(Map<?, ?> item, String list, String field, int max, boolean required, int index,
                       List<FieldProblem> errors) {
        Object value = item.get(field);
        String path = list + "[" + index + "]." + field;
        if (value == null || (value instanceof String s && s.isBlank())) {
            if (required) {
                errors.add(new FieldProblem(path, "is required"));
            }
            return null;
        }
        if (!(value instanceof String s)) {
            errors.add(new FieldProblem(path, "must be a string"));
            return null;
        }
        if (s.length() > max) {
            errors.add(new FieldProblem(path, "at most " + max + " characters"));
            return null;
        }
        return s;
    }
}
