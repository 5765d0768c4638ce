package org.liuhua.training;

/**
 * The role rules of training-service's endpoints in one place ({@code @PreAuthorize(Access.KEEPERS)}). Which objects a
 * caller may see or change within their role is the data scope ({@code establishment.TrainingScope}).
 */
public final class Access {

    /** Everyone with a training role reads (their scope decides what they see). */
    public static final String READERS = "hasAnyRole('CITY_ADMIN','COCKPIT_VIEWER','TOWN_OFFICER','DEPARTMENT_OFFICER',"
            + "'INSPECTOR','ENTERPRISE_OFFICER','STAFF')";
    /** Officials and enterprises, not staff (lists of other people, rates). */
    public static final String OFFICIALS = "hasAnyRole('CITY_ADMIN','COCKPIT_VIEWER','TOWN_OFFICER',"
            + "'DEPARTMENT_OFFICER','INSPECTOR','ENTERPRISE_OFFICER')";
    /** Who keeps an establishment's training records: its safety officer, its town, the city. */
    public static final String KEEPERS = "hasAnyRole('CITY_ADMIN','TOWN_OFFICER','ENTERPRISE_OFFICER')";
    /** Who examines on site (逢查必考): inspectors, town and department officers, the city. */
    public static final String EXAMINERS = "hasAnyRole('CITY_ADMIN','TOWN_OFFICER','DEPARTMENT_OFFICER','INSPECTOR')";
    /** Who keeps the question bank and the course catalogue: the city and the supervising departments. */
    public static final String CURATORS = "hasAnyRole('CITY_ADMIN','DEPARTMENT_OFFICER')";

    private Access() {
    }
}
