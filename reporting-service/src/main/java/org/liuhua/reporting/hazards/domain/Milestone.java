package org.liuhua.reporting.hazards.domain;

/**
 * Which milestone of the closed loop a hazard event marks (OTHER: the event only moves the state). A re-routed transfer
 * is a TRANSFERRED to its new department; TRANSFER_REFUSED gives the hazard back to its town (no transferred
 * department).
 */
public enum Milestone {
    REPORTED, TRANSFERRED, ACKNOWLEDGED, RECTIFIED, REVIEWED, ENFORCED, OVERDUE, ESCALATED, CLOSED, TRANSFER_REFUSED, OTHER
}
