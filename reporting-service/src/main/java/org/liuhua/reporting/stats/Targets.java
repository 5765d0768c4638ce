package org.liuhua.reporting.stats;

/** The policy targets shown beside every rate (zhangjiagang-liuhua-2024, zhangjiagang-industrial-clusters-2022). */
public final class Targets {

    /** Hidden hazards closed: 100 %. */
    public static final double CLOSURE = 1.0;
    /** Establishments covered by patrols in a month: at least 90 %. */
    public static final double PATROL_COVERAGE = 0.9;
    /** Staff taking part in learning: at least 80 %. */
    public static final double TRAINING_PARTICIPATION = 0.8;
    /** "双七十": 70 % of a cluster's enterprises standardised, 70 % of clusters standardised. */
    public static final double CLUSTER_STANDARDISED = 0.7;
    /** Enterprises filing risk reports that hold shift briefings (班前班后五分钟): at least 40 %. */
    public static final double SHIFT_BRIEFING = 0.4;
    /** Quarterly lectures by the principal (一季一课): at least 90 %. */
    public static final double QUARTERLY_LECTURE = 0.9;
    /** Certified roles on duty with a valid certificate (持证上岗): 100 %. */
    public static final double CERTIFIED_ON_DUTY = 1.0;
    /** Adopted handbooks complete (every post with its post safety card): 100 %. */
    public static final double HANDBOOK_COMPLETENESS = 1.0;
    /** Establishments that adopted their industry's handbook. */
    public static final double HANDBOOK_ADOPTION = 1.0;

    private Targets() {
    }
}
