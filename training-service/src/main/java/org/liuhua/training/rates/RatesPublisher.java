package org.liuhua.training.rates;

import java.time.Clock;
import java.time.YearMonth;
import java.util.Set;

import org.liuhua.events.training.TownRatesComputed;
import org.liuhua.kit.lease.MongoLease;
import org.liuhua.kit.store.AggregateStore;
import org.liuhua.kit.time.CityCalendar;
import org.liuhua.training.TrainingProperties;
import org.liuhua.training.establishment.Scope;
import org.liuhua.training.rates.domain.TownRates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Computes every town's rates for the current month (and the previous one, which may still change in its first
 * days) every {@code liuhua.training.rates.interval}, on one replica at a time, and publishes {@link TownRatesComputed} when a
 * town's figures changed — the events reporting's training tiles and monthly table read.
 */
@Component
public class RatesPublisher implements SchedulingConfigurer {

    static final String COLLECTION = "town_rates";
    static final String LEASE = "training-rates";
    private static final Logger log = LoggerFactory.getLogger(RatesPublisher.class);
    private static final Scope CITY = new Scope(true, Set.of(), null, Set.of(), null);

    private final TrainingRates rates;
    private final AggregateStore<TownRates> store;
    private final MongoLease lease;
    private final CityCalendar calendar;
    private final TrainingProperties.Rates schedule;
    private final java.time.Duration leaseTtl;

    RatesPublisher(TrainingRates rates, AggregateStore<TownRates> store, MongoLease lease, CityCalendar calendar,
                   TrainingProperties properties) {
        this.rates = rates;
        this.store = store;
        this.lease = lease;
        this.calendar = calendar;
        this.schedule = properties.rates();
        this.leaseTtl = properties.certificates().leaseTtl();
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (schedule.publish()) {
            registrar.addFixedDelayTask(this::runOnce, schedule.interval());
        }
    }

    /** @return towns whose figures were published, -1 when another replica holds the lease */
    public int runOnce() {
        if (!lease.tryAcquire(LEASE, leaseTtl)) {
            return -1;
        }
        try {
            YearMonth month = calendar.monthOf(calendar.now());
            int published = publish(month);
            if (calendar.today().getDayOfMonth() <= 7) {
                published += publish(month.minusMonths(1));
            }
            return published;
        } catch (RuntimeException e) {
            log.warn("training rates not published: {}", e.toString());
            return 0;
        } finally {
            lease.release(LEASE);
        }
    }

    int publish(YearMonth month) {
        int published = 0;
        for (TrainingRates.AreaRates town : rates.towns(month, CITY)) {
            if (town.townId() == null) {
                continue;
            }
            TownRatesComputed figures = figures(town);
            String id = TownRates.idFor(town.townId(), town.month());
            if (store.findById(id).isEmpty()) {
                try {
                    store.insert(TownRates.first(figures));
                    published++;
                    continue;
                } catch (DuplicateKeyException concurrent) {
                    // written meanwhile: update it below
                }
            }
            Object changed = store.change(id, "town rates", t -> t.update(figures) ? t : AggregateStore.NO_CHANGE);
            published += changed == AggregateStore.NO_CHANGE ? 0 : 1;
        }
        return published;
    }

    private TownRatesComputed figures(TrainingRates.AreaRates t) {
        return new TownRatesComputed(t.townId(), t.month(), t.establishments(), t.shiftBriefing().count(),
                t.shiftBriefing().base(), t.shiftBriefing().rate(), t.quarterlyLecture().count(),
                t.quarterlyLecture().base(), t.quarterlyLecture().rate(), t.certifiedOnDuty().count(),
                t.certifiedOnDuty().base(), t.certifiedOnDuty().rate(), t.learningParticipation().count(),
                t.learningParticipation().base(), t.learningParticipation().rate(), t.personTimes(),
                t.learningPersonTimesYear(), calendar.now());
    }

    @Configuration(proxyBeanMethods = false)
    static class Store {

        @Bean
        AggregateStore<TownRates> townRatesAggregates(MongoTemplate mongo, Clock clock) {
            return new AggregateStore<>(mongo, TownRates.class, COLLECTION, clock);
        }
    }

}
