package org.liuhua.reporting.grid;

/** The ids of the pre-shaped count documents ({@code establishment_counts}, and the per-town documents beside it). */
public final class Denominators {

    public static final String CITY = "city";

    private Denominators() {
    }

    public static String town(String townId) {
        return "town:" + townId;
    }

    public static String industry(String industry) {
        return "industry:" + GridProjector.key(industry);
    }

    public static String department(String departmentId) {
        return "department:" + departmentId;
    }
}
