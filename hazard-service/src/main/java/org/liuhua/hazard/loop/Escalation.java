package org.liuhua.hazard.loop;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.liuhua.hazard.HazardProperties;
import org.liuhua.hazard.loop.domain.Hazard;
import org.liuhua.hazard.loop.domain.HazardState;
import org.liuhua.kit.lease.MongoLease;
import org.liuhua.kit.store.AggregateStore;
import org.liuhua.kit.store.StaleAggregateException;
import org.liuhua.kit.time.CityCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The overdue escalation (H-5, H-9): marks hazards past their deadline day (in the city's calendar) overdue and
 * escalates each due step once. It runs on every replica ({@link EscalationSchedule}), but only the one holding the
 * {@code hazard-escalation} lease works; tests call {@link #runOnce()} with a controlled clock.
 */
@Component
public class Escalation {

    static final String LEASE = "hazard-escalation";
    private static final Logger log = LoggerFactory.getLogger(Escalation.class);
    private static final List<HazardState> OPEN_FOR_RECTIFICATION = List.of(HazardState.REPORTED,
            HazardState.TRANSFERRED, HazardState.RECTIFYING);

    private final HazardStore store;
    private final MongoLease lease;
    private final CityCalendar calendar;
    private final HazardProperties properties;

    Escalation(HazardStore store, MongoLease lease, CityCalendar calendar, HazardProperties properties) {
        this.store = store;
        this.lease = lease;
        this.calendar = calendar;
        this.properties = properties;
    }

    /** One pass if this replica holds the lease; returns how many hazards changed (-1 when another replica works). */
    public int runOnce() {
        if (!lease.tryAcquire(LEASE, properties.escalationLeaseTtl())) {
            return -1;
        }
        return escalateDue();
    }

    /** Marks overdue and escalates every open hazard that is due (each step once); returns how many changed. */
    int escalateDue() {
        Instant now = calendar.now();
        LocalDate today = calendar.dayOf(now);
        List<Integer> steps = properties.escalationStepsDays();
        Query due = new Query(new Criteria().andOperator(Criteria.where("state").in(OPEN_FOR_RECTIFICATION),
                new Criteria().orOperator(Criteria.where("deadline").lt(today),
                        Criteria.where("acknowledgeBy").lt(now).and("acknowledgedAt").is(null))));
        int changed = 0;
        for (Hazard h : store.find(due)) {
            if (!h.escalate(now, today, steps)) {
                continue;
            }
            try {
                store.update(h);
                changed++;
            } catch (StaleAggregateException concurrent) {
                // changed while we looked: decide again on the fresh hazard
                Object again = store.change(h.id(), HazardStore.WHAT, fresh -> fresh.escalate(now, today, steps)
                        ? fresh : AggregateStore.NO_CHANGE);
                if (again != AggregateStore.NO_CHANGE) {
                    changed++;
                }
                log.info("hazard {} changed while escalating; escalated on the fresh copy", h.id());
            }
        }
        return changed;
    }
}
