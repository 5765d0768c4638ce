package org.liuhua.reporting.scope;

import org.liuhua.kit.domain.ForbiddenException;
import org.liuhua.kit.security.Caller;
import org.liuhua.kit.security.Roles;

/**
 * Which figures a caller may see: the whole city (CITY_ADMIN, COCKPIT_VIEWER), one town (TOWN_OFFICER, by the token's
 * {@code town_id}) or one supervising department (DEPARTMENT_OFFICER, by {@code department_id}). Every statistics
 * query takes one; a figure outside it is never computed for the caller.
 */
public record ReportScope(Kind kind, String townId, String departmentId) {

    public enum Kind { CITY, TOWN, DEPARTMENT }

    public static final ReportScope CITY = new ReportScope(Kind.CITY, null, null);

    public static ReportScope town(String townId) {
        return new ReportScope(Kind.TOWN, townId, null);
    }

    public static ReportScope department(String departmentId) {
        return new ReportScope(Kind.DEPARTMENT, null, departmentId);
    }

    /** The scope of a caller; a caller with none of the reporting roles, or without the claim its role needs, is refused. */
    public static ReportScope of(Caller caller) {
        if (caller.hasAny(Roles.CITY_ADMIN, Roles.COCKPIT_VIEWER)) {
            return CITY;
        }
        if (caller.has(Roles.TOWN_OFFICER) && caller.townId() != null) {
            return town(caller.townId());
        }
        if (caller.has(Roles.DEPARTMENT_OFFICER) && caller.departmentId() != null) {
            return department(caller.departmentId());
        }
        throw new ForbiddenException("no report scope: the token names no town or department for this role");
    }

    public boolean isCity() {
        return kind == Kind.CITY;
    }

    /** Whether a town's figures are inside this scope (a department sees every town, but only its own hazards). */
    public boolean allowsTown(String town) {
        return kind != Kind.TOWN || townId.equals(town);
    }
}
