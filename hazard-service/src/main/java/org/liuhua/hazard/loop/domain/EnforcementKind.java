package org.liuhua.hazard.loop.domain;

/** 立案 / 处罚 / 免予处罚 / 无需查处. */
public enum EnforcementKind {
    CASE_FILED, PENALTY, EXEMPT, NONE
}
