package org.liuhua.reporting.stats;

import org.liuhua.reporting.projection.ProjectionSpace;
import org.liuhua.reporting.scope.ReportScope;

/**
 * One part of the overview beside the hazards ({@code grid}, {@code training}, {@code handbooks}): a bean per part,
 * answered from pre-shaped documents read by {@code _id} within the caller's scope.
 */
public interface OverviewSection {

    String key();

    Object figures(ReportScope scope, ProjectionSpace space);
}
