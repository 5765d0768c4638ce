package org.liuhua.hazard.loop.domain;

/** Where a hazard was found (H-2): one ledger for all of them. */
public enum HazardSource {
    ENTERPRISE_SELF_CHECK, GRID_PATROL, LAW_ENFORCEMENT, SUPERIOR_INSPECTION, THIRD_PARTY, PUBLIC_REPORT, SENSOR
}
