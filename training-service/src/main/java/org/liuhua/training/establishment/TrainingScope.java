package org.liuhua.training.establishment;

import java.util.HashSet;
import java.util.Set;

import org.liuhua.kit.security.Caller;
import org.liuhua.kit.security.Roles;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Data scope (S-3) of training records: the city sees all; a town officer their town's establishments; a department
 * officer the establishments it supervises; an inspector those in their bound units; an enterprise officer their
 * establishment; a staff member only themselves (claim {@code staff_id}). Several roles widen the scope. Objects
 * outside it answer 404.
 */
@Component
public class TrainingScope {

    /** The token claim naming a staff member's own record (user attribute {@code staff_id} in the realm). */
    public static final String CLAIM_STAFF = "staff_id";

    private final KnownEstablishments establishments;

    TrainingScope(KnownEstablishments establishments) {
        this.establishments = establishments;
    }

    public Scope current() {
        Caller caller = Caller.current();
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        String staffId = authentication instanceof JwtAuthenticationToken token
                ? token.getToken().getClaimAsString(CLAIM_STAFF) : null;
        return of(caller, staffId);
    }

    public Scope of(Caller c, String staffId) {
        if (c.cityWide()) {
            return new Scope(true, Set.of(), null, Set.of(), c.has(Roles.CITY_ADMIN) ? null : Set.of());
        }
        Set<String> visible = new HashSet<>();
        Set<String> phones = new HashSet<>();
        Set<String> writable = new HashSet<>();
        if (c.has(Roles.TOWN_OFFICER) && c.townId() != null) {
            Set<String> town = new HashSet<>(establishments.idsWhere(Criteria.where("townId").is(c.townId())));
            visible.addAll(town);
            writable.addAll(town);
        }
        if (c.has(Roles.DEPARTMENT_OFFICER) && c.departmentId() != null) {
            visible.addAll(establishments.idsWhere(Criteria.where("departmentId").is(c.departmentId())));
        }
        if (c.has(Roles.INSPECTOR) && c.inspectorId() != null) {
            visible.addAll(establishments.ofInspector(c.inspectorId()));
        }
        if (c.has(Roles.ENTERPRISE_OFFICER) && c.establishmentId() != null) {
            visible.add(c.establishmentId());
            phones.add(c.establishmentId());
            writable.add(c.establishmentId());
        }
        String self = c.has(Roles.STAFF) ? staffId : null;
        return new Scope(false, visible, self, phones, writable);
    }
}
