package org.liuhua.reporting.grid;

import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.liuhua.reporting.projection.ProjectionSpace;
import org.liuhua.reporting.scope.ReportScope;
import org.liuhua.reporting.stats.OverviewSection;
import org.liuhua.reporting.stats.Rate;
import org.springframework.stereotype.Component;

/**
 * The overview's {@code grid} part: establishments by kind and industry (the scope's count document), this month's
 * patrol coverage against its target, staffing gaps of key units, and the clusters' 双七十 — all read by {@code _id}.
 * A department officer sees the establishments of the department and the city's coverage, gaps and clusters (those
 * belong to towns, not departments).
 */
@Component
class GridSection implements OverviewSection {

    record Figures(String month, long establishments, Map<String, Long> byKind, Map<String, Long> byIndustry,
                   Rate coverage, long inspected, int staffingGaps, List<GridFigures.StaffingGap> gaps,
                   GridFigures.Clusters clusters) {
    }

    private final GridFigures grid;

    GridSection(GridFigures grid) {
        this.grid = grid;
    }

    @Override
    public String key() {
        return "grid";
    }

    @Override
    public Figures figures(ReportScope scope, ProjectionSpace space) {
        String id = switch (scope.kind()) {
            case CITY -> Denominators.CITY;
            case TOWN -> Denominators.town(scope.townId());
            case DEPARTMENT -> Denominators.department(scope.departmentId());
        };
        Document counts = grid.counts(space, id);
        String month = grid.currentMonth();
        List<String> towns = grid.towns(space, scope);
        Rate coverage = grid.coverageRate(space, scope, month);
        List<GridFigures.StaffingGap> gaps = grid.staffingGaps(space, towns);
        return new Figures(month, GridFigures.total(counts), GridFigures.breakdown(counts, "byKind"),
                GridFigures.breakdown(counts, "byIndustry"), coverage, coverage.numerator(), gaps.size(),
                gaps.size() > 50 ? gaps.subList(0, 50) : gaps, grid.clusters(space, towns));
    }
}
