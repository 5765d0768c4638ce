package org.liuhua.training.staff.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One induction record (T-2): a level held on a day, its hours, trainer, theory and practical scores, and whether it
 * passed ("理论＋实操"双重考核, at least the minimum hours); {@code shortfalls} say why not.
 */
public record Induction(String id, InductionLevel level, LocalDate heldOn, double hours, String trainer,
                        int theoryScore, int practicalScore, boolean passed, List<String> shortfalls,
                        Instant recordedAt, String recordedBy) {

    public Induction {
        shortfalls = shortfalls == null ? List.of() : List.copyOf(shortfalls);
    }
}
