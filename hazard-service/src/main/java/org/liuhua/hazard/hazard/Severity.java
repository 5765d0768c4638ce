package org.liuhua.hazard.hazard;

/** 一般隐患 / 重大事故隐患. */
public enum Severity {
    GENERAL, MAJOR
}
