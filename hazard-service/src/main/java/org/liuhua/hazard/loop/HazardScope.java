package org.liuhua.hazard.loop;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.bson.Document;
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

    /**
     * Whether the caller sees every one of the given hazards of one establishment (documents with {@code townId}):
     * true when one of the caller's scope criteria of {@link #of} alone covers them all — city-wide, the enterprise
     * officer of that establishment, the town officer of the town every one of them lies in, an inspector whose
     * units hold the establishment. The scope is the union of its criteria, so then nothing is filtered out. Other
     * callers (departments, firms: their scope depends on each hazard) are answered by the query with {@link #of}.
     */
    public boolean seesAllOf(Caller c, String establishmentId, List<Document> hazards) {
        if (c.cityWide()) {
            return true;
        }
        if (c.has(Roles.ENTERPRISE_OFFICER) && establishmentId.equals(c.establishmentId())) {
            return true;
        }
        if (c.has(Roles.TOWN_OFFICER) && c.townId() != null
                && hazards.stream().allMatch(h -> c.townId().equals(h.getString("townId")))) {
            return true;
        }
        return c.has(Roles.INSPECTOR) && c.inspectorId() != null
                && establishments.ofInspector(c.inspectorId()).contains(establishmentId);
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
