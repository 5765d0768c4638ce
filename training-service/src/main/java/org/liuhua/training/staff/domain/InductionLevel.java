package org.liuhua.training.staff.domain;

/** The three levels of induction (三级培训): company 厂级, workshop 车间级, team 班组级. */
public enum InductionLevel {
    COMPANY, WORKSHOP, TEAM
}
