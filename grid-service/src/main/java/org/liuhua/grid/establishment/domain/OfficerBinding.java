package org.liuhua.grid.establishment.domain;

import java.time.Instant;

/**
 * A person in a safety role at an establishment for a period ({@code until} null while current). Kept for ever: the
 * binding archive (实体化管理档案). {@code workshop} distinguishes the safety officers of several workshops or shifts.
 */
public record OfficerBinding(String personId, String name, String role, String workshop, Instant since,
                             Instant until, String changedBy) {

    public static final java.util.List<String> ROLES = java.util.List.of("SAFETY_OFFICER", "FIRE_SAFETY_OFFICER",
            "FIRE_INSTRUCTOR", "SAFETY_DIRECTOR", "REGISTERED_SAFETY_ENGINEER");

    public boolean activeAt(Instant at) {
        return !since.isAfter(at) && (until == null || until.isAfter(at));
    }

    public boolean current() {
        return until == null;
    }

    OfficerBinding endedAt(Instant end) {
        return new OfficerBinding(personId, name, role, workshop, since, end, changedBy);
    }
}
