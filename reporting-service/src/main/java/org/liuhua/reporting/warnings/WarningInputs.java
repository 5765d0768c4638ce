package org.liuhua.reporting.warnings;

import java.time.YearMonth;

import org.liuhua.reporting.monthly.ReportTown;
import org.liuhua.reporting.projection.ProjectionSpace;
import org.liuhua.reporting.warnings.domain.TownInputs;

/**
 * Where the warning rules get a town's figures of a month: pre-shaped documents of a generation read by {@code _id}
 * (the seam where the hazard figures and establishment counts of the other read models are wired in).
 */
public interface WarningInputs {

    TownInputs inputs(ReportTown town, YearMonth month, ProjectionSpace space);
}
