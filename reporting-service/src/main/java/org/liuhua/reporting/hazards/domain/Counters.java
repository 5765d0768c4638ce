package org.liuhua.reporting.hazards.domain;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counter values by pre-shaped document: {@code target → document id → field → count}. What one fact contributes
 * ({@link Contributions}), the difference an applied batch makes (after − before, sent as one {@code $inc} per
 * document), and all figures recomputed from the facts (reconciliation) are all counters.
 */
public final class Counters {

    /** The collections of pre-shaped documents (base names, one generation each). */
    public enum Target {
        /** Current figures per scope and dimension ({@code city}, {@code town:<id>}, …). */
        FIGURES("hazard_figures"),
        /** Per scope and month ({@code town:<id>@2026-11}): reported, closed, overdue started/ended, … */
        MONTHS("hazard_months"),
        /** Per scope and day ({@code town:<id>@2026-11-30}): reported and closed. */
        DAYS("hazard_days");

        public final String collection;

        Target(String collection) {
            this.collection = collection;
        }
    }

    private final Map<Target, Map<String, Map<String, Long>>> values = new HashMap<>();

    public void add(Target target, String id, String field, long n) {
        if (n == 0) {
            return;
        }
        values.computeIfAbsent(target, t -> new HashMap<>()).computeIfAbsent(id, i -> new TreeMap<>())
                .merge(field, n, Long::sum);
    }

    /** Adds (sign 1) or subtracts (sign -1) all of {@code other}. */
    public void add(Counters other, int sign) {
        other.values.forEach((target, docs) -> docs.forEach((id, fields) ->
                fields.forEach((field, n) -> add(target, id, field, sign * n))));
    }

    /** The documents of a target with their non-zero fields. */
    public Map<String, Map<String, Long>> of(Target target) {
        Map<String, Map<String, Long>> docs = new TreeMap<>();
        values.getOrDefault(target, Map.of()).forEach((id, fields) -> {
            Map<String, Long> nonZero = new TreeMap<>();
            fields.forEach((field, n) -> {
                if (n != 0) {
                    nonZero.put(field, n);
                }
            });
            if (!nonZero.isEmpty()) {
                docs.put(id, nonZero);
            }
        });
        return docs;
    }

    public boolean isEmpty() {
        return values.values().stream().allMatch(docs -> docs.values().stream()
                .allMatch(fields -> fields.values().stream().allMatch(n -> n == 0)));
    }
}
