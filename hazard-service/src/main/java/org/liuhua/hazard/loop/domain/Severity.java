package org.liuhua.hazard.loop.domain;

/** 一般隐患 / 重大事故隐患. */
public enum Severity {
    GENERAL, MAJOR
}
