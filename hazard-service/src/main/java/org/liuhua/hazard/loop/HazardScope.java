package org.liuhua.hazard.loop;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 *
 * <p>The scope is decided once, as a {@link Reach}; the same reach is the query criterion on {@code hazards} and the
 * test of a summary row of the pre-shaped list documents ({@link HazardLists}), so both answer alike.
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
        return reach(c).criteria();
    }

    /** What the caller reaches: every hazard, or any of a few alternatives of field values. */
    public Reach reach(Caller c) {
        if (c.cityWide()) {
            return Reach.ALL;
        }
        List<Map<String, Set<String>>> any = new ArrayList<>();
        if (c.has(Roles.TOWN_OFFICER) && c.townId() != null) {
            any.add(Map.of("townId", Set.of(c.townId())));
        }
        if (c.has(Roles.DEPARTMENT_OFFICER) && c.departmentId() != null) {
            any.add(Map.of("departmentId", Set.of(c.departmentId())));
            any.add(Map.of("transferredDepartmentId", Set.of(c.departmentId())));
        }
        if (c.has(Roles.INSPECTOR) && c.inspectorId() != null) {
            List<String> ids = establishments.ofInspector(c.inspectorId());
            if (!ids.isEmpty()) {
                any.add(Map.of("establishmentId", new HashSet<>(ids)));
            }
            any.add(Map.of("reporterInspectorId", Set.of(c.inspectorId())));
        }
        if (c.has(Roles.ENTERPRISE_OFFICER) && c.establishmentId() != null) {
            any.add(Map.of("establishmentId", Set.of(c.establishmentId())));
        }
        if (c.has(Roles.THIRD_PARTY_FIRM) && c.clientId() != null) {
            Coverage coverage = contracts.coverage(c.clientId());
            if (!coverage.isEmpty()) {
                Set<String> contracted = new HashSet<>(coverage.establishmentIds());
                contracted.addAll(establishments.ofUnits(coverage.unitIds()));
                // its own findings (firmId) on a contracted establishment or in a contracted town
                Map<String, Set<String>> onEstablishments = new LinkedHashMap<>();
                onEstablishments.put("firmId", Set.of(c.clientId()));
                onEstablishments.put("establishmentId", contracted);
                any.add(onEstablishments);
                if (!coverage.townIds().isEmpty()) {
                    Map<String, Set<String>> inTowns = new LinkedHashMap<>();
                    inTowns.put("firmId", Set.of(c.clientId()));
                    inTowns.put("townId", new HashSet<>(coverage.townIds()));
                    any.add(inTowns);
                }
            }
        }
        return new Reach(List.copyOf(any));
    }

    /**
     * A caller's reach: {@code any} alternatives (or), each a set of fields whose value must be one of the given
     * values (and); no alternative at all reaches nothing; {@link #ALL} (null alternatives) reaches every hazard.
     */
    public record Reach(List<Map<String, Set<String>>> any) {

        public static final Reach ALL = new Reach(null);

        public boolean all() {
            return any == null;
        }

        /** The reach as a criterion on {@code hazards}; null when it reaches every hazard. */
        public Criteria criteria() {
            if (any == null) {
                return null;
            }
            if (any.isEmpty()) {
                return Criteria.where("_id").in(List.of());
            }
            List<Criteria> alternatives = new ArrayList<>();
            for (Map<String, Set<String>> alternative : any) {
                List<Criteria> fields = new ArrayList<>();
                alternative.forEach((field, values) -> fields.add(values.size() == 1
                        ? Criteria.where(field).is(values.iterator().next()) : Criteria.where(field).in(values)));
                alternatives.add(fields.size() == 1 ? fields.get(0) : new Criteria().andOperator(fields));
            }
            return alternatives.size() == 1 ? alternatives.get(0) : new Criteria().orOperator(alternatives);
        }

        /** Whether a stored hazard (or a summary row with the same fields) is within the reach. */
        public boolean test(Document hazard) {
            if (any == null) {
                return true;
            }
            for (Map<String, Set<String>> alternative : any) {
                boolean matches = true;
                for (Map.Entry<String, Set<String>> field : alternative.entrySet()) {
                    Object value = hazard.get(field.getKey());
                    if (!(value instanceof String s) || !field.getValue().contains(s)) {
                        matches = false;
                        break;
                    }
                }
                if (matches) {
                    return true;
                }
            }
            return false;
        }

        /** The one value of {@code field} the reach is limited to, when it is exactly that (one alternative). */
        String only(String field) {
            if (any == null || any.size() != 1 || any.get(0).size() != 1) {
                return null;
            }
            Set<String> values = any.get(0).get(field);
            return values != null && values.size() == 1 ? values.iterator().next() : null;
        }

        /** The department a department officer's reach is exactly (owned by or transferred to it). */
        String onlyDepartment() {
            if (any == null || any.size() != 2) {
                return null;
            }
            Set<String> owned = any.get(0).size() == 1 ? any.get(0).get("departmentId") : null;
            Set<String> transferred = any.get(1).size() == 1 ? any.get(1).get("transferredDepartmentId") : null;
            return owned != null && owned.size() == 1 && owned.equals(transferred) ? owned.iterator().next() : null;
        }
    }
}
