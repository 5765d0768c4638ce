package org.liuhua.reporting.stats;

/** Town and department names for figures (kept from grid events); the id itself when a name is not known yet. */
public interface Names {

    String town(String townId);

    String department(String departmentId);
}
