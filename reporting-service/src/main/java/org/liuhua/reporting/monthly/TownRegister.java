package org.liuhua.reporting.monthly;

import java.util.List;

/**
 * The towns of the city, in the order the reports list them (the seam to the town register built from grid
 * {@code RegionChanged} events; until that is wired, {@link ConfiguredTownRegister} answers).
 */
public interface TownRegister {

    List<ReportTown> towns();

    /** One town, named; the id itself as its name when it is not known. */
    default ReportTown town(String townId) {
        return towns().stream().filter(t -> t.id().equals(townId)).findFirst()
                .orElse(new ReportTown(townId, townId));
    }
}
