package org.liuhua.hazard.loop.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The five parts of a rectification (五到位): measures, responsible person, funds, deadline, contingency plan. */
public record Rectification(String measures, String responsiblePerson, BigDecimal fundsCny, LocalDate deadline,
                            String contingencyPlan) {
}
