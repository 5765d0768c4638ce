package org.liuhua.reporting.hazards;

import java.util.Comparator;
import java.util.Map;

import org.springframework.data.domain.Sort;

/** One town's hazard figures and its rank among the towns (by closure rate, then fewer overdue). */
public record TownFigures(String townId, long total, long closed, double closureRate, long overdue, long openMajor,
                          int rank) {

    /** The fields a town list may be sorted by. */
    public static final Map<String, Comparator<TownFigures>> SORTABLE = Map.of(
            "rank", Comparator.comparingInt(TownFigures::rank),
            "townId", Comparator.comparing(TownFigures::townId, Comparator.nullsFirst(Comparator.naturalOrder())),
            "closureRate", Comparator.comparingDouble(TownFigures::closureRate),
            "total", Comparator.comparingLong(TownFigures::total),
            "overdue", Comparator.comparingLong(TownFigures::overdue),
            "openMajor", Comparator.comparingLong(TownFigures::openMajor));

    static final Comparator<TownFigures> RANKING = Comparator.comparingDouble(TownFigures::closureRate).reversed()
            .thenComparingLong(TownFigures::overdue);

    TownFigures ranked(int rank) {
        return new TownFigures(townId, total, closed, closureRate, overdue, openMajor, rank);
    }

    /** The order a sort asks for (fields from {@link #SORTABLE}), then by rank. */
    static Comparator<TownFigures> comparator(Sort sort) {
        Comparator<TownFigures> order = (a, b) -> 0;
        for (Sort.Order o : sort) {
            Comparator<TownFigures> field = SORTABLE.get(o.getProperty());
            if (field != null) {
                order = order.thenComparing(o.isDescending() ? field.reversed() : field);
            }
        }
        return order.thenComparingInt(TownFigures::rank);
    }
}
