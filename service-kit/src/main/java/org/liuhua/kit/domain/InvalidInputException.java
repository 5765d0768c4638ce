package org.liuhua.kit.domain;

import java.util.List;

/** Input that breaks a domain rule, reported per field (400 problem+json with {@code errors}). */
public class InvalidInputException extends RuntimeException {

    private final List<FieldProblem> errors;

    public InvalidInputException(List<FieldProblem> errors) {
        super(summary(errors));
        this.errors = List.copyOf(errors);
    }

    public InvalidInputException(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }

    public List<FieldProblem> errors() {
        return errors;
    }

    private static String summary(List<FieldProblem> errors) {
        StringBuilder text = new StringBuilder("invalid input:");
        errors.forEach(e -> text.append(' ').append(e.field()).append(" (").append(e.message()).append(')'));
        return text.toString();
    }
}
