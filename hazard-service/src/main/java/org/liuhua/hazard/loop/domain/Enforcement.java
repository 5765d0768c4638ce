package org.liuhua.hazard.loop.domain;

import java.math.BigDecimal;

/** The enforcement decision (查处). */
public record Enforcement(EnforcementKind kind, String caseNumber, BigDecimal penaltyAmountCny, String note) {
}
