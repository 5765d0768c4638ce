package org.liuhua.hazard.loop.domain;

import java.time.Instant;

/**
 * A signature on a hazard (H-6, 谁检查、谁签名、谁负责): in which capacity ({@code RECORDER}, {@code RECTIFIER},
 * {@code REVIEWER}, {@code ENFORCEMENT_RECORDER}, {@code SIGN_OFF}), by whom (token subject, name and role), when, and
 * the history entry that holds it ({@code entryHash} chains it into the history).
 */
public record Signature(String as, String subject, String name, String role, Instant at, int historySeq,
                        String entryHash) {
}
