package org.liuhua.training.rules.web;

import org.liuhua.kit.problem.ProblemType;
import org.liuhua.kit.web.ProblemHandling;
import org.liuhua.training.rules.domain.RuleViolationException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A refused rule is a 422 problem+json (the kit's shape) with the rule's name and the field it concerns. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RuleViolationHandling {

    /** A well-formed request a policy rule refuses; {@code rule} names the rule. */
    static final ProblemType RULE_VIOLATION = new ProblemType("rule-violation", "Refused by a rule");

    @ExceptionHandler(RuleViolationException.class)
    ProblemDetail ruleViolation(RuleViolationException e) {
        ProblemDetail problem = ProblemHandling.problem(HttpStatus.valueOf(422), RULE_VIOLATION, e.getMessage());
        problem.setProperty("rule", e.rule());
        if (e.field() != null) {
            problem.setProperty("field", e.field());
        }
        return problem;
    }
}
