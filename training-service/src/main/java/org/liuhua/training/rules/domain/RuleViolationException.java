package org.liuhua.training.rules.domain;

/**
 * A well-formed request that a policy rule refuses (422 problem+json naming the rule), e.g. a quarterly lecture
 * (一季一课) not delivered by the establishment's principal. Distinct from invalid input (400: a field is missing or
 * malformed) and from a conflict with the object's state (409).
 */
public class RuleViolationException extends RuntimeException {

    private final String rule;
    private final String field;

    /**
     * @param rule    the rule's stable name, e.g. {@code QUARTERLY_LECTURE_BY_PRINCIPAL}
     * @param field   the request field the rule concerns (may be null)
     * @param message what the rule says and why the request breaks it
     */
    public RuleViolationException(String rule, String field, String message) {
        super(message);
        this.rule = rule;
        this.field = field;
    }

    public String rule() {
        return rule;
    }

    public String field() {
        return field;
    }
}
