package org.liuhua.training.session.domain;

/**
 * The kinds of session (T-3): 班前班后五分钟, 一季一课 (by the principal), 开工第一课, "211" management training, and the
 * principal's review 一述三评 / 一述四评一诺 (with reviewers and an outcome).
 */
public enum SessionType {
    SHIFT_BRIEFING, QUARTERLY_LECTURE, SEASON_OPENING, MGMT_211, PRINCIPAL_REVIEW
}
