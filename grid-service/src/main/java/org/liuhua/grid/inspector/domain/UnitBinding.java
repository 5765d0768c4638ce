package org.liuhua.grid.inspector.domain;

import java.time.Instant;

/** An inspector's binding to a patrol unit for a period ({@code until} null while current); kept for ever. */
public record UnitBinding(String unitId, Instant since, Instant until, String changedBy) {

    public boolean activeAt(Instant at) {
        return !since.isAfter(at) && (until == null || until.isAfter(at));
    }

    public boolean current() {
        return until == null;
    }
}
