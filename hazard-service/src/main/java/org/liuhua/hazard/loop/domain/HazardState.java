package org.liuhua.hazard.loop.domain;

import java.util.List;

/**
 * States of the closed loop (H-1): REPORTED (识别) → TRANSFERRED (移交) → RECTIFYING (整改) → REVIEW (复核) →
 * RECTIFYING again when review fails → ENFORCEMENT (查处 decision) → CLOSED (销号). VOIDED (作废): a hazard opened by a
 * patrol finding that its inspector withdrew before anything else happened to it; final, and counted nowhere.
 */
public enum HazardState {
    REPORTED, TRANSFERRED, RECTIFYING, REVIEW, ENFORCEMENT, CLOSED, VOIDED;

    private static final List<String> FINAL_NAMES = List.of(CLOSED.name(), VOIDED.name());

    /** CLOSED or VOIDED: nothing more happens to the hazard. */
    public boolean isFinal() {
        return this == CLOSED || this == VOIDED;
    }

    /** The names of the final states (what "open" excludes in a query). */
    public static List<String> finalNames() {
        return FINAL_NAMES;
    }
}
