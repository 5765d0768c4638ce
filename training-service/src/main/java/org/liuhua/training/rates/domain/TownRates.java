package org.liuhua.training.rates.domain;

import java.time.Instant;

import org.liuhua.events.training.TownRatesComputed;
import org.liuhua.kit.domain.AggregateRoot;

/**
 * The published figures of one town and month ({@code <townId>:<month>}): the last computed rates, and an event each
 * time they change, so reporting reads the rates instead of recomputing them.
 */
public class TownRates extends AggregateRoot {

    private String id;
    private String townId;
    private String month;
    private TownRatesComputed figures;

    TownRates() {
    }

    public static String idFor(String townId, String month) {
        return townId + ":" + month;
    }

    public static TownRates first(TownRatesComputed figures) {
        TownRates t = new TownRates();
        t.id = idFor(figures.townId(), figures.month());
        t.townId = figures.townId();
        t.month = figures.month();
        t.figures = figures;
        t.registerEvent(figures);
        return t;
    }

    /** Publishes the figures when they differ from the last ones (the computation time aside). */
    public boolean update(TownRatesComputed next) {
        if (figures != null && same(figures, next)) {
            return false;
        }
        figures = next;
        registerEvent(next);
        return true;
    }

    private static boolean same(TownRatesComputed a, TownRatesComputed b) {
        return new TownRatesComputed(a.townId(), a.month(), a.establishments(), a.shiftBriefingCount(),
                a.shiftBriefingBase(), a.shiftBriefingRate(), a.quarterlyLectureCount(), a.quarterlyLectureBase(),
                a.quarterlyLectureRate(), a.certifiedValid(), a.certifiedOnDuty(), a.certifiedOnDutyRate(),
                a.learningParticipants(), a.learningBase(), a.learningParticipationRate(), a.sessionPersonTimes(),
                a.learningPersonTimesYear(), b.computedAt()).equals(b);
    }

    @Override
    public String aggregateId() {
        return id;
    }

    public TownRatesComputed figures() {
        return figures;
    }
}
