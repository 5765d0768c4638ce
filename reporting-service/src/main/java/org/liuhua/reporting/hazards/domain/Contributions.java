package org.liuhua.reporting.hazards.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.liuhua.kit.time.CityCalendar;
import org.liuhua.reporting.hazards.domain.Counters.Target;

/**
 * What one hazard fact contributes to the pre-shaped documents. Counters move by the difference between a fact's
 * contribution before and after an event (ADR 9), so this function is the single definition of every figure: the
 * live batches, the reconciliation and a rebuild all go through it.
 *
 * <p>Document ids: scopes {@code city}, {@code town:<t>}, {@code department:<d>} (the supervising department);
 * dimensions {@code industry:<i>}, {@code establishment:<e>}; crossings {@code town:<t>/department:<d>},
 * {@code town:<t>/industry:<i>}, {@code department:<d>/industry:<i>}. Month and day documents are
 * {@code <scope>@2026-11} and {@code <scope>@2026-11-30} (scopes and the town-department crossing), cut in the
 * city's calendar.
 */
public final class Contributions {

    public static final String CITY = "city";
    public static final String UNKNOWN = "UNKNOWN";

    // fields of the figures documents
    public static final String TOTAL = "total";
    public static final String CLOSED = "closed";
    public static final String OVERDUE = "overdue";
    public static final String OPEN_MAJOR = "openMajor";
    public static final String ESCALATED = "escalated";
    public static final String BY_STATE = "byState.";
    public static final String BY_SOURCE = "bySource.";
    public static final String BY_SEVERITY = "bySeverity.";
    /** In scope documents: hazards per town/department/industry (lists the rows without a scan). */
    public static final String DIMS = "dims.";
    /** In scope documents: hazards reported per month (where the months start). */
    public static final String MONTHS = "months.";
    /** In scope documents: hazards on each attention list per month of report ({@link AttentionList}). */
    public static final String ATTENTION = "attention";

    // fields of the month and day documents
    public static final String REPORTED = "reported";
    public static final String REPORTED_BY_SOURCE = "reportedBySource.";
    public static final String SELF_CHECK_REPORTED = "selfCheckReported";
    public static final String SELF_CHECK_RECTIFIED = "selfCheckRectified";
    public static final String SUPERVISION_FOUND = "supervisionFound";
    public static final String CASES_FILED = "casesFiled";
    public static final String PENALTY_FEN = "penaltyFen";
    /** Became overdue in the month (overdueAt). */
    public static final String OVERDUE_STARTED = "overdueStarted";
    /** An overdue hazard closed in the month (the later of overdueAt and closedAt). */
    public static final String OVERDUE_ENDED = "overdueEnded";
    /** A MAJOR hazard became overdue in the month. */
    public static final String OVERDUE_MAJOR_STARTED = "overdueMajorStarted";
    /** An overdue MAJOR hazard closed in the month. */
    public static final String OVERDUE_MAJOR_ENDED = "overdueMajorEnded";

    private Contributions() {
    }

    public static String town(String id) {
        return "town:" + key(id);
    }

    public static String department(String id) {
        return "department:" + key(id);
    }

    public static String industry(String id) {
        return "industry:" + key(id);
    }

    public static String establishment(String id) {
        return "establishment:" + key(id);
    }

    public static String cross(String a, String b) {
        return a + "/" + b;
    }

    public static String at(String scope, String period) {
        return scope + "@" + period;
    }

    /** A value as a key part and a field-name segment (no dots, no dollar). */
    public static String key(String value) {
        return value == null || value.isBlank() ? UNKNOWN : value.replace('.', '_').replace('$', '_');
    }

    /**
     * The contribution of one fact (nothing for a fact that has not seen an event naming its state yet, nor for a
     * voided one: a VOIDED hazard leaves every figure as if it had never been reported).
     */
    public static Counters of(HazardFact f, CityCalendar calendar) {
        Counters c = new Counters();
        if (f == null || f.state == null || f.isVoided()) {
            return c;
        }
        String town = town(f.townId);
        String department = department(f.supervisingDepartment());
        String industry = industry(f.industry);
        List<String> figures = new ArrayList<>(List.of(CITY, town, department, industry,
                establishment(f.establishmentId), cross(town, department), cross(town, industry),
                cross(department, industry)));
        boolean open = f.isOpen();
        for (String id : figures) {
            c.add(Target.FIGURES, id, TOTAL, 1);
            c.add(Target.FIGURES, id, CLOSED, f.isClosed() ? 1 : 0);
            c.add(Target.FIGURES, id, OVERDUE, open && f.overdue ? 1 : 0);
            c.add(Target.FIGURES, id, OPEN_MAJOR, open && HazardFact.MAJOR.equals(f.severity) ? 1 : 0);
            c.add(Target.FIGURES, id, ESCALATED, open && f.escalationLevel() > 0 ? 1 : 0);
            c.add(Target.FIGURES, id, BY_STATE + key(f.state), 1);
            c.add(Target.FIGURES, id, BY_SOURCE + key(f.source), 1);
            c.add(Target.FIGURES, id, BY_SEVERITY + key(f.severity), 1);
        }
        String townKey = key(f.townId);
        String departmentKey = key(f.supervisingDepartment());
        String industryKey = key(f.industry);
        c.add(Target.FIGURES, CITY, DIMS + "town." + townKey, 1);
        c.add(Target.FIGURES, CITY, DIMS + "department." + departmentKey, 1);
        c.add(Target.FIGURES, CITY, DIMS + "industry." + industryKey, 1);
        c.add(Target.FIGURES, town, DIMS + "department." + departmentKey, 1);
        c.add(Target.FIGURES, town, DIMS + "industry." + industryKey, 1);
        c.add(Target.FIGURES, department, DIMS + "town." + townKey, 1);
        c.add(Target.FIGURES, department, DIMS + "industry." + industryKey, 1);
        String listedMonth = AttentionList.month(f, calendar);
        for (AttentionList list : AttentionList.values()) {
            if (list.holds(f)) {
                for (String scope : AttentionList.scopes(f)) {
                    c.add(Target.FIGURES, scope, ATTENTION + "." + list.key + "." + listedMonth, 1);
                }
            }
        }

        if (f.reportedAt == null) {
            // months count from the report: without it (its event not seen yet) the fact has no month
            return c;
        }
        String reportedMonth = calendar.monthKey(f.reportedAt);
        for (String scope : List.of(CITY, town, department, cross(town, department))) {
            c.add(Target.FIGURES, scope, MONTHS + reportedMonth, 1);
            month(c, scope, f.reportedAt, calendar, REPORTED);
            month(c, scope, f.reportedAt, calendar, REPORTED_BY_SOURCE + key(f.source));
            month(c, scope, f.reportedAt, calendar, f.isSelfCheck() ? SELF_CHECK_REPORTED : SUPERVISION_FOUND);
            day(c, scope, f.reportedAt, calendar, REPORTED);
            if (f.isSelfCheck() && f.rectifiedAt != null) {
                month(c, scope, f.rectifiedAt, calendar, SELF_CHECK_RECTIFIED);
            }
            if (f.closedAt != null) {
                month(c, scope, f.closedAt, calendar, CLOSED);
                day(c, scope, f.closedAt, calendar, CLOSED);
            }
            if (f.enforcedAt != null) {
                if (f.caseFiled()) {
                    month(c, scope, f.enforcedAt, calendar, CASES_FILED);
                }
                if (f.penaltyCny != null) {
                    c.add(Target.MONTHS, at(scope, calendar.monthKey(f.enforcedAt)), PENALTY_FEN,
                            f.penaltyCny.movePointRight(2).longValue());
                }
            }
            if (f.overdueAt != null) {
                month(c, scope, f.overdueAt, calendar, OVERDUE_STARTED);
                if (f.closedAt != null) {
                    month(c, scope, HazardFact.max(f.overdueAt, f.closedAt), calendar, OVERDUE_ENDED);
                }
                if (HazardFact.MAJOR.equals(f.severity)) {
                    month(c, scope, f.overdueAt, calendar, OVERDUE_MAJOR_STARTED);
                    if (f.closedAt != null) {
                        month(c, scope, HazardFact.max(f.overdueAt, f.closedAt), calendar, OVERDUE_MAJOR_ENDED);
                    }
                }
            }
        }
        return c;
    }

    private static void month(Counters c, String scope, Instant at, CityCalendar calendar, String field) {
        c.add(Target.MONTHS, at(scope, calendar.monthKey(at)), field, 1);
    }

    private static void day(Counters c, String scope, Instant at, CityCalendar calendar, String field) {
        c.add(Target.DAYS, at(scope, calendar.dayOf(at).toString()), field, 1);
    }
}
