package org.liuhua.grid.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.liuhua.grid.GridProperties;
import org.liuhua.grid.establishment.Establishments;
import org.liuhua.grid.establishment.domain.Establishment;
import org.liuhua.grid.inspector.Inspectors;
import org.liuhua.grid.inspector.domain.Inspector;
import org.liuhua.grid.inspector.domain.UnitBinding;
import org.liuhua.grid.patrol.Patrols;
import org.liuhua.grid.patrol.domain.CheckIn;
import org.liuhua.grid.patrol.domain.Finding;
import org.liuhua.grid.patrol.domain.Patrol;
import org.liuhua.grid.plan.domain.PatrolSchedule;
import org.liuhua.grid.region.Regions;
import org.liuhua.grid.region.domain.PatrolUnit;
import org.liuhua.grid.region.domain.RegionNode;
import org.liuhua.grid.scope.CallerScope;
import org.liuhua.kit.domain.InvalidInputException;
import org.liuhua.kit.time.CityCalendar;
import org.springframework.stereotype.Service;

/**
 * Patrol frequency (G-4), coverage and the inspector assessment (G-6), computed from the registry and the proven
 * check-ins of patrols, by device time. Days and months are the city's ({@link CityCalendar}).
 */
@Service
public class PatrolPlans {

    private final Establishments establishments;
    private final Inspectors inspectors;
    private final Patrols patrols;
    private final Regions regions;
    private final FindingHazards findingHazards;
    private final GridProperties properties;
    private final CityCalendar calendar;

    PatrolPlans(Establishments establishments, Inspectors inspectors, Patrols patrols, Regions regions,
                FindingHazards findingHazards, GridProperties properties, CityCalendar calendar) {
        this.establishments = establishments;
        this.inspectors = inspectors;
        this.patrols = patrols;
        this.regions = regions;
        this.findingHazards = findingHazards;
        this.properties = properties;
        this.calendar = calendar;
    }

    public record PlanItem(String establishmentId, String name, String unitId, String kind, String riskLevel,
                           int frequencyDays, Instant lastProvenVisitAt, LocalDate dueBy,
                           PatrolSchedule.Status status, long daysOverdue) {
    }

    /** The plan of an inspector on a day; {@code items} overdue first, then by due date. */
    public record Plan(String inspectorId, LocalDate asOf, List<String> unitIds, int establishments, int overdue,
                       int due, int ok, List<PlanItem> items) {
    }

    /** The establishments of the inspector's units (bound on {@code asOf}) that are due or overdue (or all). */
    public Plan plan(String inspectorId, LocalDate asOf, boolean all, CallerScope scope) {
        Inspector inspector = inspectors.get(inspectorId, scope);
        Instant endOfDay = calendar.endOf(asOf);
        List<String> unitIds = inspector.unitBindings().stream().filter(b -> b.activeAt(endOfDay.minusNanos(1)))
                .map(UnitBinding::unitId).distinct().toList();
        List<Establishment> list = unitIds.isEmpty() ? List.of() : establishments.inUnits(unitIds);
        Map<String, Instant> last = lastProvenVisits(list, endOfDay);
        List<PlanItem> items = new ArrayList<>();
        int overdue = 0;
        int due = 0;
        for (Establishment e : list) {
            PlanItem item = item(e, last.get(e.id()), asOf);
            switch (item.status()) {
                case OVERDUE -> overdue++;
                case DUE -> due++;
                case OK -> { }
            }
            if (all || item.status() != PatrolSchedule.Status.OK) {
                items.add(item);
            }
        }
        items.sort(Comparator.comparing((PlanItem i) -> i.status() != PatrolSchedule.Status.OVERDUE)
                .thenComparing(i -> i.dueBy() == null ? LocalDate.MIN : i.dueBy())
                .thenComparing(PlanItem::establishmentId));
        return new Plan(inspector.id(), asOf, unitIds, list.size(), overdue, due, list.size() - overdue - due,
                items);
    }

    private PlanItem item(Establishment e, Instant lastVisit, LocalDate asOf) {
        PatrolSchedule schedule = schedule(e, lastVisit);
        return new PlanItem(e.id(), e.name(), e.unitId(), e.kind(), e.riskLevel(), schedule.frequencyDays(),
                lastVisit, schedule.dueBy(), schedule.statusOn(asOf, properties.dueSoonDays()),
                schedule.daysOverdueOn(asOf));
    }

    private PatrolSchedule schedule(Establishment e, Instant lastVisit) {
        return new PatrolSchedule(properties.frequencyDays(e.kind(), e.riskLevel()),
                lastVisit == null ? null : calendar.dayOf(lastVisit));
    }

    /** Latest proven check-in (device time) before {@code before}, per establishment. */
    private Map<String, Instant> lastProvenVisits(List<Establishment> list, Instant before) {
        Map<String, Instant> last = new HashMap<>();
        Set<String> ids = ids(list);
        if (ids.isEmpty()) {
            return last;
        }
        for (Patrol patrol : patrols.visiting(ids)) {
            for (CheckIn c : patrol.checkIns()) {
                if (c.proven() && ids.contains(c.establishmentId()) && c.deviceTime().isBefore(before)) {
                    last.merge(c.establishmentId(), c.deviceTime(), (a, b) -> a.isAfter(b) ? a : b);
                }
            }
        }
        return last;
    }

    /** Establishments with a proven check-in in [from, to) by device time. */
    private Set<String> covered(List<Establishment> list, Instant from, Instant to) {
        Set<String> ids = ids(list);
        Set<String> covered = new HashSet<>();
        if (ids.isEmpty()) {
            return covered;
        }
        for (Patrol patrol : patrols.visiting(ids)) {
            for (CheckIn c : patrol.checkIns()) {
                if (c.proven() && ids.contains(c.establishmentId()) && !c.deviceTime().isBefore(from)
                        && c.deviceTime().isBefore(to)) {
                    covered.add(c.establishmentId());
                }
            }
        }
        return covered;
    }

    private static Set<String> ids(List<Establishment> list) {
        Set<String> ids = new HashSet<>();
        list.forEach(e -> ids.add(e.id()));
        return ids;
    }

    public record UnitCoverage(String unitId, int establishments, int covered, double rate) {
    }

    public record Coverage(String townId, String unitId, LocalDate from, LocalDate to, int establishments,
                           int covered, double rate, List<UnitCoverage> units, List<String> uncoveredIds) {
    }

    /** Share of establishments of a town or unit with a proven visit in the period (dates inclusive). */
    public Coverage coverage(String townId, String unitId, LocalDate from, LocalDate to, CallerScope scope) {
        if ((townId == null) == (unitId == null)) {
            throw new InvalidInputException("townId", "give either townId or unitId");
        }
        LocalDate end = to == null ? calendar.today() : to;
        LocalDate start = from == null ? end.minusDays(90) : from;
        if (start.isAfter(end)) {
            throw new InvalidInputException("from", "must not be after to");
        }
        List<Establishment> list;
        if (unitId != null) {
            PatrolUnit unit = regions.unit(unitId, scope);
            list = establishments.inUnits(List.of(unit.id()));
        } else {
            RegionNode town = regions.node(townId, RegionNode.TOWN, scope);
            list = establishments.inTown(town.id());
        }
        Set<String> covered = covered(list, calendar.startOf(start), calendar.endOf(end));
        Map<String, int[]> byUnit = new HashMap<>();
        for (Establishment e : list) {
            int[] counts = byUnit.computeIfAbsent(e.unitId() == null ? "(unassigned)" : e.unitId(), k -> new int[2]);
            counts[0]++;
            if (covered.contains(e.id())) {
                counts[1]++;
            }
        }
        List<UnitCoverage> units = byUnit.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(u -> new UnitCoverage(u.getKey(), u.getValue()[0], u.getValue()[1],
                        rate(u.getValue()[1], u.getValue()[0]))).toList();
        List<String> uncovered = list.stream().map(Establishment::id).filter(id -> !covered.contains(id)).sorted()
                .toList();
        return new Coverage(townId, unitId, start, end, list.size(), covered.size(), rate(covered.size(), list.size()),
                units, uncovered);
    }

    public record Assessment(String inspectorId, String name, String townId, YearMonth month, int establishments,
                             int patrolsDue, int patrolsDone, double completionRate, int patrolsCompleted,
                             int establishmentsCovered, int findings, int findingsClosed) {
    }

    /**
     * The month of an inspector (信息化考核): establishments of their units whose patrol fell due by the month's end
     * (due), how many of those they visited with proof in the month (done), patrols completed, establishments
     * covered, findings recorded, and findings whose hazards were closed.
     */
    public Assessment assessment(String inspectorId, YearMonth month, CallerScope scope) {
        return assess(inspectors.get(inspectorId, scope), month);
    }

    private Assessment assess(Inspector inspector, YearMonth month) {
        Instant start = calendar.startOf(month);
        Instant end = calendar.endOf(month);
        List<String> unitIds = inspector.unitBindings().stream()
                .filter(b -> b.since().isBefore(end) && (b.until() == null || b.until().isAfter(start)))
                .map(UnitBinding::unitId).distinct().toList();
        List<Establishment> list = unitIds.isEmpty() ? List.of() : establishments.inUnits(unitIds);
        Map<String, Instant> lastBefore = lastProvenVisits(list, start);
        LocalDate lastDay = month.atEndOfMonth();
        Set<String> dueIds = new HashSet<>();
        for (Establishment e : list) {
            if (schedule(e, lastBefore.get(e.id())).overdueOn(lastDay)) {
                dueIds.add(e.id());
            }
        }
        Set<String> coveredByInspector = new HashSet<>();
        int completed = 0;
        List<String> findingKeys = new ArrayList<>();
        for (Patrol p : patrols.byInspector(inspector.id())) {
            if (p.completedAt() != null && !p.startedAt().isBefore(start) && p.startedAt().isBefore(end)) {
                completed++;
            }
            for (CheckIn c : p.checkIns()) {
                if (c.proven() && !c.deviceTime().isBefore(start) && c.deviceTime().isBefore(end)) {
                    coveredByInspector.add(c.establishmentId());
                }
            }
            for (Finding f : p.activeFindings()) {
                if (!f.deviceTime().isBefore(start) && f.deviceTime().isBefore(end)) {
                    findingKeys.add(Patrol.findingKey(p.id(), f.findingId()));
                }
            }
        }
        int done = (int) dueIds.stream().filter(coveredByInspector::contains).count();
        int closed = (int) findingHazards.closedOf(findingKeys);
        return new Assessment(inspector.id(), inspector.name(), inspector.townId(), month, list.size(), dueIds.size(),
                done, dueIds.isEmpty() ? 1.0 : rate(done, dueIds.size()), completed, coveredByInspector.size(),
                findingKeys.size(), closed);
    }

    public record RankedAssessment(int rank, Assessment assessment) {
    }

    /** The inspectors of a town ranked for a month: completion rate, then establishments covered, then closures. */
    public List<RankedAssessment> ranking(String townId, YearMonth month, CallerScope scope) {
        RegionNode town = regions.node(townId, RegionNode.TOWN, scope);
        List<Assessment> all = inspectors.ofTown(town.id()).stream().map(i -> assess(i, month))
                .sorted(Comparator.comparingDouble(Assessment::completionRate).reversed()
                        .thenComparing(Comparator.comparingInt(Assessment::establishmentsCovered).reversed())
                        .thenComparing(Comparator.comparingInt(Assessment::findingsClosed).reversed())
                        .thenComparing(Assessment::inspectorId))
                .toList();
        List<RankedAssessment> ranked = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            ranked.add(new RankedAssessment(i + 1, all.get(i)));
        }
        return ranked;
    }

    static double rate(int part, int whole) {
        return whole == 0 ? 0.0 : Math.round(10000.0 * part / whole) / 10000.0;
    }
}
