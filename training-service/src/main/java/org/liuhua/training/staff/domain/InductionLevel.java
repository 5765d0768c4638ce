package org.liuhua.training.staff.domain;

import java.util.Locale;

/** The three levels of induction (三级培训): company 厂级, workshop 车间级, team 班组级. */
public enum InductionLevel {
    COMPANY, WORKSHOP, TEAM;

    /** The level a request names (any case, space around ignored); {@code null} for none of the three. */
    public static InductionLevel parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** What a request that names no level of the three is told. */
    public static String notALevel(String text) {
        return "'" + text + "' is not COMPANY, WORKSHOP or TEAM";
    }
}
