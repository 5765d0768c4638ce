package org.liuhua.manual.template.domain;

/**
 * The handbooks of "1+3+N" (M-1) and the inspectors' handbooks: the industry post-safety handbook (the "1"), the three
 * enterprise handbooks — post responsibility, daily operating procedure, major-risk and special work (confined space,
 * hot work, maintenance, contractors) — the enterprise's own extensions (the "N"), accident cases and hazard checks.
 */
public enum TemplateKind {
    /** 行业岗位安全手册. */
    INDUSTRY_POST,
    /** 企业安全生产岗位责任手册. */
    POST_RESPONSIBILITY,
    /** 日常岗位安全操作规程手册. */
    OPERATING_PROCEDURE,
    /** 较大以上风险和特殊作业安全操作手册. */
    MAJOR_RISK_SPECIAL_WORK,
    /** 企业自行拓展的 N. */
    CUSTOM,
    /** 事故案例手册. */
    ACCIDENT_CASES,
    /** 隐患排查手册. */
    HAZARD_CHECK
}
