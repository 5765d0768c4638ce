package org.liuhua.hazard.firm;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.liuhua.hazard.firm.domain.Contract;

/**
 * What a firm's valid contracts cover together: establishments by id, whole towns and whole patrol units.
 *
 * @param contractIds the contracts it comes from
 */
public record Coverage(Set<String> contractIds, Set<String> establishmentIds, Set<String> townIds,
                       Set<String> unitIds) {

    static Coverage of(List<Contract> contracts) {
        Set<String> ids = new LinkedHashSet<>();
        Set<String> establishments = new LinkedHashSet<>();
        Set<String> towns = new LinkedHashSet<>();
        Set<String> units = new LinkedHashSet<>();
        for (Contract c : contracts) {
            ids.add(c.id());
            establishments.addAll(c.establishmentIds());
            towns.addAll(c.townIds());
            units.addAll(c.unitIds());
        }
        return new Coverage(Set.copyOf(ids), Set.copyOf(establishments), Set.copyOf(towns), Set.copyOf(units));
    }

    public boolean isEmpty() {
        return establishmentIds.isEmpty() && townIds.isEmpty() && unitIds.isEmpty();
    }

    /** Whether an establishment in this town and unit (either null when not known) is covered. */
    public boolean covers(String establishmentId, String townId, String unitId) {
        return establishmentIds.contains(establishmentId) || (townId != null && townIds.contains(townId))
                || (unitId != null && unitIds.contains(unitId));
    }
}
