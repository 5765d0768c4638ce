package org.liuhua.grid.establishment.domain;

import java.time.Instant;

/**
 * An establishment's membership of a patrol unit for a period: {@code unitId} null = in no unit (only a town);
 * {@code since} null = from before the archive knew (the registration's unit); {@code until} null while current.
 * Kept for ever, so "who was responsible on date D" is answered from the unit the establishment was in on D.
 */
public record UnitMembership(String unitId, String townId, Instant since, Instant until, String reason,
                             String changedBy) {

    public boolean activeAt(Instant at) {
        return (since == null || !since.isAfter(at)) && (until == null || until.isAfter(at));
    }

    public boolean current() {
        return until == null;
    }

    UnitMembership endedAt(Instant end) {
        return new UnitMembership(unitId, townId, since, end, reason, changedBy);
    }
}
