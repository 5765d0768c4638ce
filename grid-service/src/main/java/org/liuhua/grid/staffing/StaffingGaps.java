package org.liuhua.grid.staffing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.liuhua.grid.establishment.Establishments;
import org.liuhua.grid.establishment.domain.Establishment;
import org.liuhua.grid.inspector.Inspectors;
import org.liuhua.grid.inspector.domain.Inspector;
import org.liuhua.grid.region.Regions;
import org.liuhua.grid.region.domain.Department;
import org.liuhua.grid.region.domain.PatrolUnit;
import org.liuhua.grid.region.domain.RegionNode;
import org.liuhua.grid.scope.CallerScope;
import org.liuhua.grid.staffing.domain.StaffRoster;
import org.springframework.stereotype.Service;

/**
 * The staffing rules (G-7) checked against the registry: town safety and fire staff, department in-house staff (the
 * named people of a post when any are named, else the reported count), and the roles establishments must fill. Every
 * gap is one line.
 */
@Service
public class StaffingGaps {

    private final Regions regions;
    private final Establishments establishments;
    private final Inspectors inspectors;
    private final StaffingProperties staffing;
    private final StaffRosters rosters;

    StaffingGaps(Regions regions, Establishments establishments, Inspectors inspectors, StaffingProperties staffing,
                 StaffRosters rosters) {
        this.rosters = rosters;
        this.regions = regions;
        this.establishments = establishments;
        this.inspectors = inspectors;
        this.staffing = staffing;
    }

    /**
     * @param subject  TOWN, UNIT, DEPARTMENT or ESTABLISHMENT
     * @param rule     TOWN_SAFETY_STAFF, TOWN_FIRE_STAFF, DEPARTMENT_SAFETY_STAFF, SAFETY_DIRECTOR,
     *                 REGISTERED_SAFETY_ENGINEER, SAFETY_OFFICER, FIRE_SAFETY_OFFICER, FIRE_INSTRUCTOR,
     *                 KEY_UNIT_FULL_TIME_INSPECTOR
     */
    public record Gap(String townId, String subject, String subjectId, String name, String rule, int required,
                      int actual) {
    }

    public record TownGaps(String townId, List<Gap> gaps) {
    }

    /** All gaps: their number, those of each town (by town id) and those of the departments. */
    public record Report(int gaps, List<TownGaps> towns, List<Gap> departments) {
    }

    public Report gaps(String townId, CallerScope scope) {
        StaffingProperties s = staffing;
        List<Gap> gaps = new ArrayList<>();
        String filter = scope.townFilter();
        for (RegionNode town : regions.allTowns()) {
            if ((filter != null && !filter.equals(town.id())) || (townId != null && !townId.equals(town.id()))) {
                continue;
            }
            boolean large = s.large(town.id(), town.kind());
            int safetyRequired = large ? s.largeTownSafetyStaff() : s.townSafetyStaff();
            int fireRequired = large ? s.largeTownFireStaff() : s.townFireStaff();
            Optional<StaffRoster> roster = rosters.find(StaffRoster.TOWN, town.id());
            int safety = actual(roster, StaffRoster.SAFETY, town.safetyStaff());
            int fire = actual(roster, StaffRoster.FIRE, town.fireStaff());
            if (safety < safetyRequired) {
                gaps.add(new Gap(town.id(), "TOWN", town.id(), town.name(), "TOWN_SAFETY_STAFF", safetyRequired,
                        safety));
            }
            if (fire < fireRequired) {
                gaps.add(new Gap(town.id(), "TOWN", town.id(), town.name(), "TOWN_FIRE_STAFF", fireRequired, fire));
            }
            gaps.addAll(keyUnitGaps(town.id()));
        }
        for (Establishment e : establishments.inScope(townId, scope)) {
            gaps.addAll(establishmentGaps(e, s));
        }
        List<Gap> departmentGaps = new ArrayList<>();
        if (scope.cityWide()) {
            for (Department d : regions.allDepartments()) {
                int required = s.departmentSafetyStaffById().getOrDefault(d.id(), s.departmentSafetyStaff());
                Optional<StaffRoster> roster = rosters.find(StaffRoster.DEPARTMENT, d.id());
                boolean reported = d.safetyStaff() != null || roster.map(r -> r.count(StaffRoster.SAFETY) > 0)
                        .orElse(false);
                int actual = actual(roster, StaffRoster.SAFETY, d.safetyStaff());
                if (reported && actual < required) {
                    departmentGaps.add(new Gap(null, "DEPARTMENT", d.id(), d.name(), "DEPARTMENT_SAFETY_STAFF",
                            required, actual));
                }
            }
        }
        List<TownGaps> byTown = gaps.stream().map(Gap::townId).distinct().sorted()
                .map(t -> new TownGaps(t, gaps.stream().filter(g -> g.townId().equals(t))
                        .sorted(Comparator.comparing(Gap::subject).reversed().thenComparing(Gap::subjectId)
                                .thenComparing(Gap::rule)).toList()))
                .toList();
        return new Report(gaps.size() + departmentGaps.size(), byTown, departmentGaps);
    }

    /**
     * The staff of a post: the named people when the owner names any for that post, else the reported count (0 when
     * neither).
     */
    private static int actual(Optional<StaffRoster> roster, String post, Integer reported) {
        int named = roster.map(r -> r.count(post)).orElse(0);
        return named > 0 ? named : reported == null ? 0 : reported;
    }

    /** rugao 2026: 重点巡查单元原则上配备专职巡查员 — a KEY unit without a current FULL_TIME inspector is a gap. */
    private List<Gap> keyUnitGaps(String townId) {
        List<Gap> gaps = new ArrayList<>();
        List<Inspector> ofTown = inspectors.ofTown(townId);
        for (PatrolUnit unit : regions.unitsOfTown(townId)) {
            if (!"KEY".equals(unit.kind())) {
                continue;
            }
            int fullTime = (int) ofTown.stream().filter(i -> "FULL_TIME".equals(i.employment())
                    && i.currentUnitIds().contains(unit.id())).count();
            if (fullTime < 1) {
                gaps.add(new Gap(townId, "UNIT", unit.id(), unit.name(), "KEY_UNIT_FULL_TIME_INSPECTOR", 1, 0));
            }
        }
        return gaps;
    }

    static List<Gap> establishmentGaps(Establishment e, StaffingProperties s) {
        List<Gap> gaps = new ArrayList<>();
        boolean directorSector = e.flags().stream().anyMatch(s.directorFlags()::contains)
                || (e.industry() != null && s.directorIndustries().contains(e.industry()));
        if (directorSector && e.employeeCount() >= s.directorEmployees()) {
            gap(gaps, e, "SAFETY_DIRECTOR", 1);
        }
        if (e.flags().stream().anyMatch(s.engineerFlags()::contains)
                || (e.industry() != null && s.engineerIndustries().contains(e.industry()))) {
            gap(gaps, e, "REGISTERED_SAFETY_ENGINEER", 1);
        }
        int safetyOfficers = safetyOfficers(e, s);
        if (safetyOfficers > 0) {
            gap(gaps, e, "SAFETY_OFFICER", safetyOfficers);
        }
        if ("SMALL_VENUE".equals(e.kind()) || "RESIDENTIAL".equals(e.kind())) {
            gap(gaps, e, "FIRE_SAFETY_OFFICER", 1);
            gap(gaps, e, "FIRE_INSTRUCTOR", 1);
        }
        return gaps;
    }

    /**
     * One safety officer per post and shift (rugao 2026: 在车间、班组等生产一线根据单班作业人数至少明确1名专兼职安全员;
     * zhangjiagang 2024: 关键岗位每个班组配备一名安全员) — or per started {@code workersPerSafetyOfficer} workers of a shift
     * when that is set; an establishment without registered posts: one per workshop/shift ({@code workshops}).
     */
    static int safetyOfficers(Establishment e, StaffingProperties s) {
        if (e.posts().isEmpty()) {
            return e.workshops();
        }
        long required = e.posts().stream().mapToLong(p -> p.safetyOfficers(s.workersPerSafetyOfficer())).sum();
        return (int) Math.min(Integer.MAX_VALUE, required);
    }

    private static void gap(List<Gap> gaps, Establishment e, String role, int required) {
        int actual = e.currentOfficers(role).size();
        if (actual < required) {
            gaps.add(new Gap(e.townId(), "ESTABLISHMENT", e.id(), e.name(), role, required, actual));
        }
    }
}
