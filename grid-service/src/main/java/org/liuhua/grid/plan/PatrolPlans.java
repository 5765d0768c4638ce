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
import java.util.Objects;
import java.util.Set;

import org.liuhua.grid.GridProperties;
import org.liuhua.grid.establishment.Establishments;
import org.liuhua.grid.establishment.domain.Establishment;
import org.liuhua.grid.inspector.Inspectors;
import org.liuhua.grid.inspector.domain.Inspector;
import org.liuhua.grid.inspector.domain.UnitBinding;
import org.liuhua.grid.patrol.Patrols;
import org.liuhua.grid.patrol.domain.CheckIn;
import org.liuhua.grid.patrol.domain.Patrol;
import org.liuhua.grid.plan.domain.CoverageWindow;
import org.liuhua.grid.plan.domain.PatrolSchedule;
import org.liuhua.grid.region.Regions;
import org.liuhua.grid.region.domain.PatrolUnit;
import org.liuhua.grid.region.domain.RegionNode;
import org.liuhua.grid.scope.CallerScope;
import org.liuhua.kit.domain.ForbiddenException;
import org.liuhua.kit.domain.InvalidInputException;
import org.liuhua.kit.security.Roles;
import org.liuhua.kit.time.CityCalendar;
import org.springframework.stereotype.Service;

/**
 * Patrol plans by the calendar (G-4), coverage and the inspector assessment (G-6). An establishment must be patrolled
 * with proof at least once in each of its coverage windows — the calendar quarter for a frequency of up to 92 days
 * (MAJOR, SIGNIFICANT), the calendar half-year otherwise (GENERAL, LOW) — days of the city ({@link CityCalendar}),
 * device time. Plans, period coverage and assessments read the read models {@link PatrolWindows} and
 * {@link InspectorMonths} by {@code _id}, never the patrols.
 */
@Service
public class PatrolPlans {

    private final Establishments establishments;
    private final Inspectors inspectors;
    private final Patrols patrols;
    private final Regions regions;
    private final PatrolWindows windows;
    private final InspectorMonths months;
    private final GridProperties properties;
    private final CityCalendar calendar;

    PatrolPlans(Establishments establishments, Inspectors inspectors, Patrols patrols, Regions regions,
                PatrolWindows windows, InspectorMonths months, GridProperties properties, CityCalendar calendar) {
        this.establishments = establishments;
        this.inspectors = inspectors;
        this.patrols = patrols;
        this.regions = regions;
        this.windows = windows;
        this.months = months;
        this.properties = properties;
        this.calendar = calendar;
    }

    /**
     * One establishment in a plan: its window ({@code 2026-Q4}), the window's last day, status (OK: patrolled in
     * the window; DUE: not yet; OVERDUE: the previous window was missed too), {@code dueBy} (the last day of the
     * window whose patrol is outstanding; OK: of the next window), days overdue (since the missed window ended) and
     * days left in the window.
     */
    public record PlanItem(String establishmentId, String name, String unitId, String kind, String riskLevel,
                           int frequencyDays, String window, LocalDate windowEnds, Instant lastProvenVisitAt,
                           LocalDate dueBy, PatrolSchedule.Status status, long daysOverdue, long daysLeft) {
    }

    /** A plan on a day; {@code items} overdue first, then by due date. */
    public record Plan(String inspectorId, String unitId, String townId, LocalDate asOf, List<String> unitIds,
                       int establishments, int overdue, int due, int ok, List<PlanItem> items) {
    }

    /** Whose plan: exactly one of an inspector (their units bound on the day), a patrol unit or a town. */
    public record Subject(String inspectorId, String unitId, String townId) {
    }

    /** The day a plan is for: {@code asOf}, or within a period (its last day once ended, else today or its first). */
    public LocalDate dayOf(LocalDate asOf, String period) {
        if (period == null) {
            return asOf == null ? calendar.today() : asOf;
        }
        if (asOf != null) {
            throw new InvalidInputException("period", "give either asOf or period");
        }
        CoverageWindow window = window(period);
        LocalDate today = calendar.today();
        return today.isAfter(window.end()) ? window.end() : today.isBefore(window.start()) ? window.start() : today;
    }

    /** A period parameter ({@code 2026-Q4}, {@code 2026-H2}), or 400 naming {@code period}. */
    public static CoverageWindow window(String period) {
        CoverageWindow window = CoverageWindow.parse(period);
        if (window == null) {
            throw new InvalidInputException("period",
                    "must be a calendar quarter or half-year like 2026-Q4 or 2026-H2");
        }
        return window;
    }

    /** The establishments of an inspector's units (bound on {@code asOf}), a unit or a town: due, overdue (or all). */
    public Plan plan(Subject subject, LocalDate asOf, boolean all, CallerScope scope) {
        int given = (subject.inspectorId() == null ? 0 : 1) + (subject.unitId() == null ? 0 : 1)
                + (subject.townId() == null ? 0 : 1);
        if (given != 1) {
            // none: the inspector is what is usually asked for; several: the one given beside the first
            String field = given == 0 ? "inspectorId"
                    : subject.inspectorId() != null && subject.unitId() == null ? "townId"
                    : subject.inspectorId() != null ? "unitId" : "townId";
            throw new InvalidInputException(field, "give exactly one of inspectorId, unitId and townId");
        }
        String inspectorId = null;
        List<String> unitIds;
        List<Establishment> list;
        if (subject.inspectorId() != null) {
            Inspector inspector = inspectors.get(subject.inspectorId(), scope);
            inspectorId = inspector.id();
            Instant endOfDay = calendar.endOf(asOf);
            unitIds = inspector.unitBindings().stream().filter(b -> b.activeAt(endOfDay.minusNanos(1)))
                    .map(UnitBinding::unitId).distinct().toList();
            list = unitIds.isEmpty() ? List.of() : establishments.inUnits(unitIds);
        } else if (subject.unitId() != null) {
            PatrolUnit unit = regions.unit(subject.unitId(), scope);
            unitIds = List.of(unit.id());
            list = visible(establishments.inUnits(unitIds), scope);
        } else {
            RegionNode town = regions.node(subject.townId(), RegionNode.TOWN, scope);
            list = visible(establishments.inTown(town.id()), scope);
            unitIds = list.stream().map(Establishment::unitId).filter(Objects::nonNull).distinct().sorted()
                    .toList();
        }
        List<PlanItem> every = items(list, asOf);
        int overdue = (int) every.stream().filter(i -> i.status() == PatrolSchedule.Status.OVERDUE).count();
        int due = (int) every.stream().filter(i -> i.status() == PatrolSchedule.Status.DUE).count();
        List<PlanItem> items = all ? every
                : every.stream().filter(i -> i.status() != PatrolSchedule.Status.OK).toList();
        return new Plan(inspectorId, subject.unitId(), subject.townId(), asOf, unitIds, list.size(), overdue, due,
                list.size() - overdue - due, items);
    }

    private static List<Establishment> visible(List<Establishment> list, CallerScope scope) {
        return list.stream().filter(e -> scope.seesEstablishment(e.id(), e.townId(), e.unitId(), e.departmentId()))
                .toList();
    }

    /** "My due list for this week" of the calling inspector (see {@link #week}). */
    public record Week(String inspectorId, LocalDate today, LocalDate weekStart, LocalDate weekEnd, int overdue,
                       int dueThisWeek, List<PlanItem> items) {
    }

    /**
     * The calling inspector's establishments due this week: the city's week (Monday to Sunday) containing today; an
     * establishment is due this week when it is OVERDUE, or DUE with its window ending on or before this Sunday.
     * Ordered by urgency: the window that ended (or ends) first, first.
     */
    public Week week(CallerScope scope) {
        if (!scope.isInspector()) {
            throw new ForbiddenException("the weekly due list is an inspector's own");
        }
        LocalDate today = calendar.today();
        LocalDate weekStart = CityCalendar.weekStart(today);
        LocalDate weekEnd = weekStart.plusDays(6);
        Plan plan = plan(new Subject(scope.caller().inspectorId(), null, null), today, false, scope);
        List<PlanItem> items = plan.items().stream()
                .filter(i -> i.status() == PatrolSchedule.Status.OVERDUE || !i.windowEnds().isAfter(weekEnd))
                .sorted(Comparator.comparing(PlanItem::dueBy).thenComparing(PlanItem::establishmentId)).toList();
        int overdue = (int) items.stream().filter(i -> i.status() == PatrolSchedule.Status.OVERDUE).count();
        return new Week(plan.inspectorId(), today, weekStart, weekEnd, overdue, items.size() - overdue, items);
    }

    /** The plan items of these establishments on a day, overdue first, then by due date. */
    private List<PlanItem> items(List<Establishment> list, LocalDate asOf) {
        Map<String, CoverageWindow> windowOf = new HashMap<>();
        Set<String> ids = new HashSet<>();
        for (Establishment e : list) {
            CoverageWindow w = CoverageWindow.of(kindOf(e), asOf);
            windowOf.put(e.id(), w);
            ids.add(PatrolWindows.id(e.id(), w.key()));
            ids.add(PatrolWindows.id(e.id(), w.previous().key()));
            ids.add(PatrolWindows.id(e.id(), PatrolWindows.ALL));
        }
        Map<String, PatrolWindows.Visits> visits = windows.find(ids);
        Instant cutoff = calendar.endOf(asOf);
        List<PlanItem> items = new ArrayList<>();
        for (Establishment e : list) {
            CoverageWindow w = windowOf.get(e.id());
            PatrolWindows.Visits now = visits.get(PatrolWindows.id(e.id(), w.key()));
            PatrolWindows.Visits before = visits.get(PatrolWindows.id(e.id(), w.previous().key()));
            PatrolWindows.Visits ever = visits.get(PatrolWindows.id(e.id(), PatrolWindows.ALL));
            PatrolSchedule schedule = new PatrolSchedule(w, now != null && now.first().isBefore(cutoff),
                    before != null);
            Instant last = latestBefore(cutoff, now == null ? null : now.last(), now == null ? null : now.first(),
                    before == null ? null : before.last(), ever == null ? null : ever.last());
            items.add(new PlanItem(e.id(), e.name(), e.unitId(), e.kind(), e.riskLevel(), frequencyDays(e), w.key(),
                    w.end(), last, schedule.dueBy(), schedule.status(), schedule.daysOverdueOn(asOf),
                    schedule.daysLeftOn(asOf)));
        }
        items.sort(Comparator.comparing((PlanItem i) -> i.status() != PatrolSchedule.Status.OVERDUE)
                .thenComparing(PlanItem::dueBy).thenComparing(PlanItem::establishmentId));
        return items;
    }

    /** The latest of these visits before the cutoff (the read model knows each window's first and last). */
    private static Instant latestBefore(Instant cutoff, Instant... candidates) {
        Instant latest = null;
        for (Instant c : candidates) {
            if (c != null && c.isBefore(cutoff) && (latest == null || c.isAfter(latest))) {
                latest = c;
            }
        }
        return latest;
    }

    private int frequencyDays(Establishment e) {
        return properties.frequencyDays(e.kind(), e.riskLevel());
    }

    private CoverageWindow.Kind kindOf(Establishment e) {
        return CoverageWindow.Kind.ofFrequencyDays(frequencyDays(e));
    }

    /** Establishments with a proven check-in in [from, to) by device time (coverage of arbitrary dates). */
    private Set<String> covered(List<Establishment> list, Instant from, Instant to) {
        Set<String> ids = new HashSet<>();
        list.forEach(e -> ids.add(e.id()));
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

    /** Establishments patrolled with proof in each of their windows overlapping the period, up to its last day. */
    private Set<String> covered(List<Establishment> list, CoverageWindow period) {
        Map<String, List<String>> required = new HashMap<>();
        Set<String> ids = new HashSet<>();
        for (Establishment e : list) {
            List<String> keys = period.overlapping(kindOf(e)).stream()
                    .map(w -> PatrolWindows.id(e.id(), w.key())).toList();
            required.put(e.id(), keys);
            ids.addAll(keys);
        }
        Map<String, PatrolWindows.Visits> visits = windows.find(ids);
        Instant cutoff = calendar.endOf(period.end());
        Set<String> covered = new HashSet<>();
        required.forEach((id, keys) -> {
            if (keys.stream().allMatch(k -> visits.containsKey(k) && visits.get(k).first().isBefore(cutoff))) {
                covered.add(id);
            }
        });
        return covered;
    }

    public record UnitCoverage(String unitId, int establishments, int covered, double rate) {
    }

    public record Coverage(String townId, String unitId, String period, LocalDate from, LocalDate to,
                           int establishments, int covered, double rate, List<UnitCoverage> units,
                           List<String> uncoveredIds) {
    }

    /**
     * Share of establishments of a town or unit patrolled with proof. By {@code period} (a calendar quarter or
     * half-year; the current quarter when neither period nor dates are given), respecting each establishment's
     * frequency: covered when patrolled in each of its windows overlapping the period (a quarterly establishment in
     * both quarters of a half-year; a half-yearly one in its half-year, up to the period's last day). By {@code from}
     * / {@code to} (dates inclusive): any proven visit in those days.
     */
    public Coverage coverage(String townId, String unitId, String period, LocalDate from, LocalDate to,
                             CallerScope scope) {
        CoverageWindow window = period != null ? window(period) : from == null && to == null
                ? CoverageWindow.of(CoverageWindow.Kind.QUARTER, calendar.today()) : null;
        if (period != null && (from != null || to != null)) {
            throw new InvalidInputException("period", "give either period or from/to");
        }
        if ((townId == null) == (unitId == null)) {
            throw new InvalidInputException("townId", "give either townId or unitId");
        }
        LocalDate end = window != null ? window.end() : to == null ? calendar.today() : to;
        LocalDate start = window != null ? window.start() : from == null ? end.minusDays(90) : from;
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
        Set<String> covered = window != null ? covered(list, window)
                : covered(list, calendar.startOf(start), calendar.endOf(end));
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
        return new Coverage(townId, unitId, window == null ? null : window.key(), start, end, list.size(),
                covered.size(), rate(covered.size(), list.size()), units, uncovered);
    }

    /**
     * An inspector's month. {@code patrolsDue}: establishments of the units they were bound to in the month whose
     * coverage window (the quarter or half-year containing the month) had no proven patrol before the month began;
     * {@code patrolsDone}: those of them the inspector patrolled with proof in the month. {@code findings}: findings
     * recorded (not withdrawn); {@code hazardsFound}: of those, the ones that became a hazard or joined an existing
     * one; {@code findingsClosed}: the ones whose hazard was closed (followed to closure).
     */
    public record Assessment(String inspectorId, String name, String townId, YearMonth month, int establishments,
                             int patrolsDue, int patrolsDone, double completionRate, int patrolsCompleted,
                             int establishmentsCovered, int findings, int hazardsFound, int findingsClosed) {

        Assessment withoutName() {
            return new Assessment(inspectorId, null, townId, month, establishments, patrolsDue, patrolsDone,
                    completionRate, patrolsCompleted, establishmentsCovered, findings, hazardsFound, findingsClosed);
        }
    }

    /** The month of an inspector (信息化考核), from the read models. */
    public Assessment assessment(String inspectorId, YearMonth month, CallerScope scope) {
        return assess(List.of(inspectors.get(inspectorId, scope)), month).get(0);
    }

    private List<Assessment> assess(List<Inspector> list, YearMonth month) {
        Instant start = calendar.startOf(month);
        Instant end = calendar.endOf(month);
        Map<String, List<String>> unitsOf = new HashMap<>();
        Set<String> allUnits = new HashSet<>();
        for (Inspector inspector : list) {
            List<String> unitIds = inspector.unitBindings().stream()
                    .filter(b -> b.since().isBefore(end) && (b.until() == null || b.until().isAfter(start)))
                    .map(UnitBinding::unitId).distinct().toList();
            unitsOf.put(inspector.id(), unitIds);
            allUnits.addAll(unitIds);
        }
        Map<String, List<Establishment>> byUnit = new HashMap<>();
        Set<String> windowIds = new HashSet<>();
        Map<String, String> windowIdOf = new HashMap<>();
        for (Establishment e : allUnits.isEmpty() ? List.<Establishment>of() : establishments.inUnits(allUnits)) {
            byUnit.computeIfAbsent(e.unitId(), u -> new ArrayList<>()).add(e);
            String id = PatrolWindows.id(e.id(), CoverageWindow.of(kindOf(e), month.atDay(1)).key());
            windowIdOf.put(e.id(), id);
            windowIds.add(id);
        }
        Map<String, PatrolWindows.Visits> visits = windows.find(windowIds);
        Map<String, InspectorMonths.Month> monthOf = months.of(list.stream().map(Inspector::id).toList(),
                month.toString());
        List<Assessment> assessments = new ArrayList<>();
        for (Inspector inspector : list) {
            InspectorMonths.Month m = monthOf.getOrDefault(inspector.id(), InspectorMonths.Month.EMPTY);
            Set<String> covered = Set.copyOf(m.covered());
            int count = 0;
            int due = 0;
            int done = 0;
            for (String unitId : unitsOf.get(inspector.id())) {
                for (Establishment e : byUnit.getOrDefault(unitId, List.of())) {
                    count++;
                    PatrolWindows.Visits v = visits.get(windowIdOf.get(e.id()));
                    if (v == null || !v.first().isBefore(start)) {
                        due++;
                        if (covered.contains(e.id())) {
                            done++;
                        }
                    }
                }
            }
            Set<String> findings = Set.copyOf(m.findings());
            int hazards = (int) m.hazards().stream().filter(findings::contains).count();
            int closed = (int) m.closed().stream().filter(findings::contains).count();
            assessments.add(new Assessment(inspector.id(), inspector.name(), inspector.townId(), month, count, due,
                    done, due == 0 ? 1.0 : rate(done, due), m.completed().size(), covered.size(), findings.size(),
                    hazards, closed));
        }
        return assessments;
    }

    public record RankedAssessment(int rank, Assessment assessment) {
    }

    /** The order of the ranking: completion rate, establishments covered, hazards followed to closure, found. */
    static final Comparator<Assessment> RANK = Comparator.comparingDouble(Assessment::completionRate).reversed()
            .thenComparing(Comparator.comparingInt(Assessment::establishmentsCovered).reversed())
            .thenComparing(Comparator.comparingInt(Assessment::findingsClosed).reversed())
            .thenComparing(Comparator.comparingInt(Assessment::hazardsFound).reversed())
            .thenComparing(Assessment::inspectorId);

    /**
     * The inspectors of a town (or, without {@code townId}, of every town the caller sees: the city for city-wide
     * readers, their own town for a town officer or inspector) ranked for a month. An inspector reads the names of
     * no other inspector.
     */
    public List<RankedAssessment> ranking(String townId, YearMonth month, CallerScope scope) {
        List<Inspector> list;
        if (townId != null) {
            list = inspectors.ofTown(regions.node(townId, RegionNode.TOWN, scope).id());
        } else {
            String town = scope.townFilter();
            list = town == null ? inspectors.all()
                    : CallerScope.NONE.equals(town) ? List.of() : inspectors.ofTown(town);
        }
        List<Assessment> all = assess(list, month).stream().sorted(RANK).toList();
        boolean names = !scope.isInspector() || scope.cityWide()
                || scope.caller().has(Roles.TOWN_OFFICER);
        List<RankedAssessment> ranked = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Assessment a = all.get(i);
            ranked.add(new RankedAssessment(i + 1, names || a.inspectorId().equals(scope.caller().inspectorId())
                    ? a : a.withoutName()));
        }
        return ranked;
    }

    static double rate(int part, int whole) {
        return whole == 0 ? 0.0 : Math.round(10000.0 * part / whole) / 10000.0;
    }
}
