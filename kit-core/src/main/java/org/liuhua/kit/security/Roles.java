package org.liuhua.kit.security;

/** The realm roles of Liuhua (deploy/keycloak/liuhua-realm.json); authorities are {@code ROLE_<name>}. */
public final class Roles {

    /** City emergency-management bureau: everything, city-wide. */
    public static final String CITY_ADMIN = "CITY_ADMIN";
    /** Read-only, whole city (the cockpit). */
    public static final String COCKPIT_VIEWER = "COCKPIT_VIEWER";
    /** Officer of one town (claim {@code town_id}). */
    public static final String TOWN_OFFICER = "TOWN_OFFICER";
    /** Officer of one supervising department (claim {@code department_id}). */
    public static final String DEPARTMENT_OFFICER = "DEPARTMENT_OFFICER";
    /** Grid inspector: their patrol units (claim {@code inspector_id}; units known from grid events). */
    public static final String INSPECTOR = "INSPECTOR";
    /** Safety officer of one establishment (claim {@code establishment_id}). */
    public static final String ENTERPRISE_OFFICER = "ENTERPRISE_OFFICER";
    /** Staff member: their own records. */
    public static final String STAFF = "STAFF";
    /** Third-party inspection firm (client credentials): establishments it holds a contract for. */
    public static final String THIRD_PARTY_FIRM = "THIRD_PARTY_FIRM";
    /**
     * A monitoring system (IoT sensors, AI video analysis; client credentials, one client per system): pushes its
     * alerts as hazards of source SENSOR. The system is the client id ({@code azp}).
     */
    public static final String MONITORING_SYSTEM = "MONITORING_SYSTEM";

    private Roles() {
    }
}
