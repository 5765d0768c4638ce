package org.liuhua.grid.region;

/**
 * In-process notice (a Spring application event, published after the unit's write) that a patrol unit now lies in
 * another grid or village: the features that copy a unit's grid and village (establishments) bring theirs in step.
 */
public record UnitPlaced(String unitId, String townId, String villageId, String gridId) {
}
