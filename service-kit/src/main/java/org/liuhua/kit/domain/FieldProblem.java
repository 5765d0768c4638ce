package org.liuhua.kit.domain;

/** One field-level error in a problem+json answer: the field's path in the request and what is wrong with it. */
public record FieldProblem(String field, String message) {
}
