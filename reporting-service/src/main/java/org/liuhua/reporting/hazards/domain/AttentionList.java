package org.liuhua.reporting.hazards.domain;

import java.util.List;

import org.liuhua.kit.time.CityCalendar;

/**
 * The cockpit's attention lists: the open hazards that are major, overdue or escalated (at any level). Each list is
 * kept pre-shaped per scope ({@code city}, {@code town:<t>}, {@code department:<d>}, the supervising department) and
 * per month of report, so that a page reads a few documents by {@code _id} however many hazards there are:
 * <ul>
 *   <li>the rows: {@code <list>:<scope>@<YYYY-MM>} ({@code open-major:town:zjg-leyu@2026-11}) holds
 *       {@code rows.<hazard>} — the lean row of every hazard of that list, scope and month;</li>
 *   <li>the index: the scope's figures document counts them, {@code attention.<key>.<YYYY-MM>}
 *       ({@link Contributions}), so a page knows which months it spans and the list its total.</li>
 * </ul>
 * A hazard whose report time is not known yet (its report event not seen) is in the month {@link #NO_MONTH}, which
 * sorts after every month (newest first, those come last).
 */
public enum AttentionList {

    OPEN_MAJOR("open-major", "openMajor"),
    OVERDUE("overdue", "overdue"),
    ESCALATED("escalated", "escalated");

    /** The month of a hazard without a report time. */
    public static final String NO_MONTH = "none";

    /** As the API names it ({@code list=open-major}) and as the rows documents' ids begin. */
    public final String slug;
    /** As the figures documents count it ({@code attention.openMajor.2026-11}). */
    public final String key;

    AttentionList(String slug, String key) {
        this.slug = slug;
        this.key = key;
    }

    /** Whether the hazard is on this list now. */
    public boolean holds(HazardFact f) {
        if (!f.isOpen()) {
            return false;
        }
        return switch (this) {
            case OPEN_MAJOR -> HazardFact.MAJOR.equals(f.severity);
            case OVERDUE -> f.overdue;
            case ESCALATED -> f.escalationLevel() > 0;
        };
    }

    /** The scopes a hazard is listed in: the city, its town, its supervising department. */
    public static List<String> scopes(HazardFact f) {
        return List.of(Contributions.CITY, Contributions.town(f.townId),
                Contributions.department(f.supervisingDepartment()));
    }

    /** The month a hazard is listed under (of its report, in the city's calendar). */
    public static String month(HazardFact f, CityCalendar calendar) {
        return f.reportedAt == null ? NO_MONTH : calendar.monthKey(f.reportedAt);
    }

    /** The rows document of this list for a scope and month. */
    public String documentId(String scope, String month) {
        return slug + ":" + Contributions.at(scope, month);
    }

    public static AttentionList bySlug(String slug) {
        for (AttentionList list : values()) {
            if (list.slug.equals(slug)) {
                return list;
            }
        }
        return null;
    }
}
