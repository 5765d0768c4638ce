package org.liuhua.training.staff.domain;

import java.util.Locale;
import java.util.Map;

/** The roles of a staff member (T-1); the first three are the certified roles (三项岗位人员). */
public enum StaffRole {
    PRINCIPAL("主要负责人"),
    SAFETY_MANAGER("安全管理人员"),
    SPECIAL_OPERATIONS("特种作业人员"),
    FRONT_LINE("一线从业人员"),
    DISPATCHED("劳务派遣人员"),
    INTERN("实习生");

    private static final Map<String, StaffRole> ALIASES = Map.of("负责人", PRINCIPAL, "安全员", SAFETY_MANAGER,
            "特种作业", SPECIAL_OPERATIONS, "一线员工", FRONT_LINE, "劳务派遣", DISPATCHED, "派遣", DISPATCHED,
            "实习", INTERN);

    private final String label;

    StaffRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The three certified roles need a valid certificate on duty (持证上岗). */
    public boolean certified() {
        return this == PRINCIPAL || this == SAFETY_MANAGER || this == SPECIAL_OPERATIONS;
    }

    /** Reads the English name or the Chinese label; null when it is neither. */
    public static StaffRole parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        for (StaffRole role : values()) {
            if (role.name().equals(t.toUpperCase(Locale.ROOT)) || role.label.equals(t)) {
                return role;
            }
        }
        return ALIASES.get(t);
    }
}
