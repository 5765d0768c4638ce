package org.liuhua.hazard.hazard;

/**
 * What became of a finding: a new ticket (CREATED), a corroborating report on an open ticket (JOINED) or a finding
 * seen before (DUPLICATE, the earlier ticket's id).
 */
public record Outcome(Kind kind, String hazardId, Hazard hazard) {

    public enum Kind { CREATED, JOINED, DUPLICATE }
}
