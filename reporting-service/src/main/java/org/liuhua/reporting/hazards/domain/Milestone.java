package org.liuhua.reporting.hazards.domain;

/** Which milestone of the closed loop a hazard event marks (OTHER: the event only moves the state). */
public enum Milestone {
    REPORTED, TRANSFERRED, ACKNOWLEDGED, RECTIFIED, REVIEWED, ENFORCED, OVERDUE, ESCALATED, CLOSED, OTHER
}
