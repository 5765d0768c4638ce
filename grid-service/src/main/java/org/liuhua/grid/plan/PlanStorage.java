package org.liuhua.grid.plan;

import org.springframework.context.annotation.Configuration;

/**
 * Where the plan feature keeps its own data, all read and written by {@code _id} only (no secondary index): the
 * hazards made of patrol findings ({@link FindingHazards}), the proven visits per establishment and calendar window
 * ({@link PatrolWindows}) and the inspectors' months ({@link InspectorMonths}).
 */
@Configuration(proxyBeanMethods = false)
class PlanStorage {

    static final String FINDING_HAZARDS = "finding_hazards";
    static final String PATROL_WINDOWS = "patrol_windows";
    static final String INSPECTOR_MONTHS = "inspector_months";
}
