package org.liuhua.training.staff.domain;

/** ACTIVE on the payroll, LEFT the establishment (records are kept). */
public enum StaffStatus {
    ACTIVE, LEFT
}
