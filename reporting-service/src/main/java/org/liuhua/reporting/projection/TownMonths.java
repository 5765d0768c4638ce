package org.liuhua.reporting.projection;

/**
 * The shared pre-shaped document of one town in one month ({@code town_months_v<N>}, {@code _id = townId + ":" +
 * month}, month as {@code 2026-11} in the city calendar). Several projectors write it, each only its own fields, all
 * idempotently: counts kept as sets ({@code $addToSet}) or maps keyed by the event's own id ({@code $set
 * "<field>.<id>"}), read as their size or sum. The monthly table, the warnings and the town views read it
 * by {@code _id} only.
 */
public final class TownMonths {

    public static final String COLLECTION = "town_months";

    public static String id(String townId, String month) {
        return townId + ":" + month;
    }

    // identity
    public static final String TOWN_ID = "townId";
    public static final String MONTH = "month";

    // hazards (hazards projector): guarded counters, see HazardFigures
    public static final String HAZARDS_REPORTED = "hazards.reported";
    /** Map source → hazards reported in the month from that source. */
    public static final String HAZARDS_REPORTED_BY_SOURCE = "hazards.reportedBySource";
    public static final String HAZARDS_SELF_CHECK_REPORTED = "hazards.selfCheckReported";
    /** Self-check hazards rectified (first rectification) in the month. */
    public static final String HAZARDS_SELF_CHECK_RECTIFIED = "hazards.selfCheckRectified";
    /** Hazards found by supervision (every source but the enterprise's own self-check) in the month. */
    public static final String HAZARDS_SUPERVISION_FOUND = "hazards.supervisionFound";
    public static final String HAZARDS_CLOSED = "hazards.closed";
    public static final String HAZARDS_CASES_FILED = "hazards.casesFiled";
    public static final String HAZARDS_PENALTY_CNY = "hazards.penaltyCny";

    // grid (grid projector): sets and maps
    /** Set of patrol-unit ids that completed a patrol in the month (成立检查组). */
    public static final String INSPECTION_GROUPS = "grid.inspectionGroups";
    /**
     * Map "patrolId:establishmentId" → 1 for every proven visit (检查单位 家次), as written before the count below:
     * read from documents stored then; no longer written (it grew with every patrol of the month).
     */
    public static final String INSPECTION_VISITS = "grid.inspectionVisits";
    /** Proven visits counted by {@code $inc}, each patrol once (the grid projector's guarded counts). */
    public static final String INSPECTION_VISIT_COUNT = "grid.inspectionVisitCount";
    /** Set of establishments with at least one proven visit (coverage numerator). */
    public static final String INSPECTED_ESTABLISHMENTS = "grid.inspectedEstablishments";
    /** Patrols completed in the month, counted by {@code $inc}, each once (was a set of their ids). */
    public static final String PATROL_COUNT = "grid.patrolCount";

    // training (training projector)
    /** Map sessionId → attendees (开展安全生产教育和培训 人次 = sum). */
    public static final String TRAINING_SESSION_ATTENDEES = "training.sessionAttendees";
    /** Set of drill ids (演练 次). */
    public static final String TRAINING_DRILLS = "training.drills";
    /** The latest {@code TownRatesComputed} figures of the month (by computedAt). */
    public static final String TRAINING_RATES = "training.rates";

    // handbooks and checklists (manual projector)
    /** Set of establishments that completed a self-check run (开展自查企业). */
    public static final String SELF_CHECK_ESTABLISHMENTS = "manual.selfCheckEstablishments";
    /** Set of establishments that revised rules or procedures (修订管理制度、操作规程企业). */
    public static final String RULES_REVISED_ESTABLISHMENTS = "manual.rulesRevisedEstablishments";
    /** Map revision id → 1 (涉及修订管理制度、操作规程 项). */
    public static final String RULES_REVISED = "manual.rulesRevised";

    // enforcement (hazard-service's warning interviews)
    /** Set of establishments given a warning interview (约谈警示 家). */
    public static final String INTERVIEWED_ESTABLISHMENTS = "enforcement.interviewedEstablishments";

    private TownMonths() {
    }
}
