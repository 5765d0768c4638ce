package org.liuhua.hazard.loop;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.liuhua.hazard.firm.Contracts;
import org.liuhua.hazard.firm.Coverage;
import org.liuhua.hazard.known.KnownEstablishments;
import org.liuhua.kit.security.Caller;
import org.liuhua.kit.security.Roles;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

/**
 * Data scope (S-3) as a query criterion: city-wide roles see all; a town officer their town; a department officer the
 * hazards owned by or transferred to their department; an inspector the hazards of establishments in their bound units
 * and the ones they reported; an enterprise officer their establishment; a firm its own findings on establishments it
 * holds a valid contract for. Several roles widen the scope (or). No scope role: nothing. Lists, gets and every
 * command and sub-resource of a hazard share it: outside it a hazard answers 404.
 */
@Component
public class HazardScope {

    private final KnownEstablishments establishments;
    private final Contracts contracts;

    HazardScope(KnownEstablishments establishments, Contracts contracts) {
        this.establishments = establishments;
        this.contracts = contracts;
    }

    /** null when the caller sees every hazard. */
    public Criteria of(Caller c) {
        if (c.cityWide()) {
            return null;
        }
        List<Criteria> any = new ArrayList<>();
        if (c.has(Roles.TOWN_OFFICER) && c.townId() != null) {
            any.add(Criteria.where("townId").is(c.townId()));
        }
        if (c.has(Roles.DEPARTMENT_OFFICER) && c.departmentId() != null) {
            any.add(Criteria.where("departmentId").is(c.departmentId()));
            any.add(Criteria.where("transferredDepartmentId").is(c.departmentId()));
        }
        if (c.has(Roles.INSPECTOR) && c.inspectorId() != null) {
            List<String> ids = establishments.ofInspector(c.inspectorId());
            if (!ids.isEmpty()) {
                any.add(Criteria.where("establishmentId").in(ids));
            }
            any.add(Criteria.where("reporterInspectorId").is(c.inspectorId()));
        }
        if (c.has(Roles.ENTERPRISE_OFFICER) && c.establishmentId() != null) {
            any.add(Criteria.where("establishmentId").is(c.establishmentId()));
        }
        if (c.has(Roles.THIRD_PARTY_FIRM) && c.clientId() != null) {
            Coverage coverage = contracts.coverage(c.clientId());
            if (!coverage.isEmpty()) {
                Set<String> contracted = new java.util.HashSet<>(coverage.establishmentIds());
                contracted.addAll(establishments.ofUnits(coverage.unitIds()));
                List<Criteria> covered = new java.util.ArrayList<>();
                covered.add(Criteria.where("establishmentId").in(contracted));
                if (!coverage.townIds().isEmpty()) {
                    covered.add(Criteria.where("townId").in(coverage.townIds()));
                }
                any.add(covered.size() == 1 ? Criteria.where("firmId").is(c.clientId()).and("establishmentId")
                        .in(contracted) : new Criteria().andOperator(Criteria.where("firmId").is(c.clientId()),
                        new Criteria().orOperator(covered)));
            }
        }
        if (any.isEmpty()) {
            return Criteria.where("_id").in(List.of());
        }
        return any.size() == 1 ? any.get(0) : new Criteria().orOperator(any);
    }
}
