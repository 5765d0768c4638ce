package org.liuhua.manual.checklist.domain;

/** Who checks (and so the source of the hazards a failed item becomes, H-2). */
public enum RunSource {
    /** An enterprise's own self-check (企业自查). */
    ENTERPRISE_SELF_CHECK,
    /** A grid inspector's patrol (网格巡查). */
    GRID_PATROL,
    /** A contracted third-party inspection (第三方检查). */
    THIRD_PARTY
}
