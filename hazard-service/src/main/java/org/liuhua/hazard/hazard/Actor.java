package org.liuhua.hazard.hazard;

import org.liuhua.kit.security.Caller;
import org.liuhua.kit.security.Roles;

/** Who acts on a hazard: subject (signature), display name and the role acted in. */
public record Actor(String subject, String name, String role, String inspectorId, String firmId) {

    public static final Actor SYSTEM = new Actor("system", "system", "SYSTEM", null, null);

    public static Actor of(Caller caller) {
        String role = caller.roles().stream().sorted().findFirst().orElse("NONE");
        for (String preferred : new String[]{Roles.CITY_ADMIN, Roles.TOWN_OFFICER, Roles.DEPARTMENT_OFFICER,
                Roles.INSPECTOR, Roles.ENTERPRISE_OFFICER, Roles.THIRD_PARTY_FIRM}) {
            if (caller.has(preferred)) {
                role = preferred;
                break;
            }
        }
        String firm = caller.has(Roles.THIRD_PARTY_FIRM) ? caller.clientId() : null;
        return new Actor(caller.subject(), caller.username(), role, caller.inspectorId(), firm);
    }
}
