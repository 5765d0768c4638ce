package org.liuhua.hazard.loop;

import org.liuhua.hazard.access.AccessPolicy;
import org.liuhua.hazard.loop.domain.Actor;
import org.liuhua.kit.security.Caller;

/** The actor a caller is on a hazard: subject, name, the role the policy records for them, inspector id, firm. */
public final class Actors {

    private Actors() {
    }

    public static Actor of(Caller caller) {
        return new Actor(caller.subject(), caller.username(), AccessPolicy.actingRole(caller), caller.inspectorId(),
                AccessPolicy.firmOf(caller));
    }
}
