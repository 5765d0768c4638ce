package org.liuhua.manual.checklist.domain;

/** The result of one check item. */
public enum ItemResult {
    PASS, FAIL, NOT_APPLICABLE
}
