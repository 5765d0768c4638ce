package org.liuhua.grid.establishment.domain;

/**
 * Where an establishment sits in the region tree, resolved from its draft: the unit's village, grid and town, or only
 * a town for an establishment in no unit yet. The application resolves it against the registry, so the parts are
 * known to exist and to agree.
 */
public record Placement(String townId, String villageId, String gridId, String unitId) {

    public static Placement inUnit(String townId, String villageId, String gridId, String unitId) {
        return new Placement(townId, villageId, gridId, unitId);
    }

    public static Placement inTownOnly(String townId) {
        return new Placement(townId, null, null, null);
    }
}
