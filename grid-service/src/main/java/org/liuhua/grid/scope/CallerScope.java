package org.liuhua.grid.scope;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.liuhua.kit.security.Caller;
import org.liuhua.kit.security.Roles;
import org.liuhua.kit.domain.ForbiddenException;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * The data scope of a caller (S-3): city-wide readers see everything, a town officer their town, an inspector their
 * bound units (and their town's region tree), an enterprise officer their establishment, a department officer the
 * establishments of their department. Objects outside the scope answer 404; registry writes are for the city admin and
 * a town officer in their own town.
 */
public record CallerScope(Caller caller, String townId, Set<String> unitIds) {

    /** A value no id has: a condition on it matches nothing. */
    public static final String NONE = "\u0000none";

    public boolean cityWide() {
        return caller.cityWide();
    }

    public boolean isInspector() {
        return caller.has(Roles.INSPECTOR) && caller.inspectorId() != null;
    }

    /** Region tree nodes, inspectors, clusters and patrol statistics of a town. */
    public boolean seesTown(String town) {
        return cityWide() || caller.has(Roles.DEPARTMENT_OFFICER) || (townId != null && townId.equals(town));
    }

    public boolean seesEstablishment(String id, String town, String unitId, String departmentId) {
        if (cityWide()) {
            return true;
        }
        if (caller.has(Roles.TOWN_OFFICER) && caller.townId() != null && caller.townId().equals(town)) {
            return true;
        }
        if (isInspector() && unitId != null && unitIds.contains(unitId)) {
            return true;
        }
        if (caller.has(Roles.ENTERPRISE_OFFICER) && Objects.equals(caller.establishmentId(), id)) {
            return true;
        }
        return caller.has(Roles.DEPARTMENT_OFFICER) && caller.departmentId() != null
                && caller.departmentId().equals(departmentId);
    }

    /** The establishments this caller may see, as a query criterion on the establishments collection. */
    public Criteria establishmentCriteria() {
        if (cityWide()) {
            return new Criteria();
        }
        List<Criteria> any = new ArrayList<>();
        if (caller.has(Roles.TOWN_OFFICER) && caller.townId() != null) {
            any.add(Criteria.where("townId").is(caller.townId()));
        }
        if (isInspector() && !unitIds.isEmpty()) {
            any.add(Criteria.where("unitId").in(unitIds));
        }
        if (caller.has(Roles.ENTERPRISE_OFFICER) && caller.establishmentId() != null) {
            any.add(Criteria.where("_id").is(caller.establishmentId()));
        }
        if (caller.has(Roles.DEPARTMENT_OFFICER) && caller.departmentId() != null) {
            any.add(Criteria.where("departmentId").is(caller.departmentId()));
        }
        if (any.isEmpty()) {
            return Criteria.where("_id").is(NONE);
        }
        return any.size() == 1 ? any.get(0) : new Criteria().orOperator(any);
    }

    /** The towns whose town-scoped objects (units, inspectors, clusters, patrols) this caller sees; null = all. */
    public String townFilter() {
        if (cityWide() || caller.has(Roles.DEPARTMENT_OFFICER)) {
            return null;
        }
        return townId == null ? NONE : townId;
    }

    /**
     * Adds the town condition of a list of town-scoped objects: the town asked for ({@code requested}, may be null)
     * within what the caller sees; asking for another town than one's own finds nothing.
     */
    public Criteria restrictToTown(Criteria criteria, String requested) {
        String filter = townFilter();
        if (filter != null) {
            criteria.and("townId").is(requested != null && !requested.equals(filter) ? NONE : filter);
        } else if (requested != null) {
            criteria.and("townId").is(requested);
        }
        return criteria;
    }

    public boolean writesTown(String town) {
        return caller.has(Roles.CITY_ADMIN)
                || (caller.has(Roles.TOWN_OFFICER) && caller.townId() != null && caller.townId().equals(town));
    }

    /** Fails with 403 unless the caller may change the registry of this town. */
    public void requireWriteTown(String town) {
        if (!writesTown(town)) {
            throw new ForbiddenException("you may change the registry of your own town only");
        }
    }
}
