package org.liuhua.hazard.loop.domain;

/**
 * States of the closed loop (H-1): REPORTED (识别) → TRANSFERRED (移交) → RECTIFYING (整改) → REVIEW (复核) →
 * RECTIFYING again when review fails → ENFORCEMENT (查处 decision) → CLOSED (销号).
 */
public enum HazardState {
    REPORTED, TRANSFERRED, RECTIFYING, REVIEW, ENFORCEMENT, CLOSED
}
