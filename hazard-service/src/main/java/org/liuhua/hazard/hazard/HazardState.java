package org.liuhua.hazard.hazard;

/** States of the closed loop (H-1). */
public enum HazardState {
    REPORTED, TRANSFERRED, RECTIFYING, REVIEW, ENFORCEMENT, CLOSED
}
