package org.liuhua.hazard.intake;

import org.liuhua.hazard.loop.domain.Hazard;

/**
 * What became of a finding: a new ticket (CREATED), a corroborating report on an open ticket (JOINED) or a finding
 * seen before (DUPLICATE, the earlier ticket's id; {@code hazard} is then not loaded).
 */
public record Outcome(Kind kind, String hazardId, Hazard hazard) {

    public enum Kind { CREATED, JOINED, DUPLICATE }
}
