package org.liuhua.training.faults;

import java.lang.reflect.Constructor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.liuhua.events.Topics;
import org.liuhua.events.training.TownRatesComputed;
import org.liuhua.kit.outbox.EventJson;
import org.liuhua.kit.lease.MongoLease;
import org.liuhua.kit.store.AggregateStore;
import org.liuhua.kit.test.TestHttp;
import org.liuhua.kit.test.TopicProbe;
import org.liuhua.kit.time.CityCalendar;
import org.liuhua.training.TrainingIT;
import org.liuhua.training.TrainingProperties;
import org.liuhua.training.certificate.ReminderJob;
import org.liuhua.training.rates.RatesPublisher;
import org.liuhua.training.rates.TrainingRates;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fault matrix, service level: two replicas of training-service running its schedulers at once — the certificate
 * reminders (lease {@code training-certificate-reminders}) and the town rates (lease {@code training-rates}). The
 * leases and the data live in the shared store, so two job instances with distinct lease owners on one store are two
 * processes as far as the jobs can tell. Both replicas tick repeatedly from two threads: one reminder per certificate
 * and threshold, one rates event per change; a replica that took the lease and died holds the work up only until the
 * lease's time to live has passed, then the other takes over.
 */
class SchedulerReplicasIT extends TrainingIT {

    private static final String REMINDER_LEASE = "training-certificate-reminders";
    private static final String RATES_LEASE = "training-rates";
    private static final int TICKS = 4;

    @Autowired
    ApplicationContext context;
    @Autowired
    ReminderJob reminders;
    @Autowired
    RatesPublisher rates;
    @Autowired
    MongoLease lease;
    @Autowired
    TrainingProperties properties;

    @Test
    void twoReplicasSendOneReminderPerCertificateAndTheSecondTakesOverFromAHolderThatDied() throws Exception {
        MongoLease replicaA = new MongoLease(mongo, clock, "reminders-replica-a");
        MongoLease replicaB = new MongoLease(mongo, clock, "reminders-replica-b");
        try {
            String est = establishment(JINFENG);
            List<String> certificates = new ArrayList<>();
            for (int i = 1; i <= 2; i++) {
                certificates.add(certificate(staff(est, "R0" + i, "SPECIAL_OPERATIONS", "电工"), 20));
            }

            int[][] results = org.liuhua.kit.test.Replicas.concurrently(TICKS, () -> reminders.runOnce(replicaA),
                    () -> reminders.runOnce(replicaB));
            assertThat(worked(results[0]) + worked(results[1])).as("%s / %s", Arrays.toString(results[0]),
                    Arrays.toString(results[1])).isPositive();
            for (String cert : certificates) {
                assertThat(reminderIds(cert)).as("certificate %s", cert).containsExactly(cert + ":30");
            }
            assertThat(enterpriseOfficer(est).get("/api/v1/training/inbox").json().get("totalElements").asInt())
                    .isEqualTo(2);

            // replica A takes the lease and dies mid-sweep (no release); a certificate comes due meanwhile
            assertThat(replicaA.tryAcquire(REMINDER_LEASE, properties.certificates().leaseTtl())).isTrue();
            String late = certificate(staff(est, "R03", "SPECIAL_OPERATIONS", "焊工"), 20);
            assertThat(reminders.runOnce(replicaB)).as("the lease is held").isEqualTo(-1);
            assertThat(reminderIds(late)).isEmpty();
            clock.advance(properties.certificates().leaseTtl().plusSeconds(1));
            assertThat(reminders.runOnce(replicaB)).as("taken over after the time to live").isGreaterThanOrEqualTo(1);
            assertThat(reminders.runOnce(replicaB)).isZero();
            assertThat(reminderIds(late)).containsExactly(late + ":30");
            for (String cert : certificates) {
                assertThat(reminderIds(cert)).containsExactly(cert + ":30");
            }
        } finally {
            replicaA.release(REMINDER_LEASE);
            replicaB.release(REMINDER_LEASE);
        }
    }

    @Test
    void twoReplicasPublishAChangeOfATownsRatesOnce() throws Exception {
        MongoLease replicaLease = new MongoLease(mongo, clock, "rates-replica-b");
        RatesPublisher replica = replica(replicaLease);
        try {
            rates.runOnce();   // whatever the tests before changed is published: from here only this test's change
            String month = calendar.monthKey(calendar.now());
            try (TopicProbe probe = new TopicProbe(bootstrap, Topics.TRAINING)) {
                establishment(JINFENG);   // one more establishment of Jinfeng: its rates' base changes
                int[][] results = org.liuhua.kit.test.Replicas.concurrently(TICKS, rates::runOnce, replica::runOnce);
                assertThat(worked(results[0]) + worked(results[1])).as("%s / %s", Arrays.toString(results[0]),
                        Arrays.toString(results[1])).isPositive();
                assertThat(rates.runOnce()).as("nothing left to publish").isZero();
                assertThat(replica.runOnce()).isZero();

                String key = JINFENG + ":" + month;
                probe.await(r -> key.equals(r.key()), 1, Duration.ofSeconds(20));
                // distinct events (the relay publishes at least once); an event of the settling pass above may still
                // be relayed now: the change is the one that counts the new establishment
                Set<String> ids = new HashSet<>();
                List<TownRatesComputed> published = probe.drain(r -> key.equals(r.key()), Duration.ofSeconds(1))
                        .stream().filter(r -> ids.add(r.value().getId()))
                        .map(r -> EventJson.read(r.value(), TownRatesComputed.class)).toList();
                int counted = published.stream().mapToInt(TownRatesComputed::establishments).max().orElseThrow();
                assertThat(published.stream().filter(r -> r.establishments() == counted))
                        .as("one rates event of Jinfeng this month for the change: %s", published).hasSize(1);
            }
            assertThat(mongo.count(new Query(Criteria.where("_id").is(JINFENG + ":" + month)), "town_rates"))
                    .isEqualTo(1);
        } finally {
            replicaLease.release(RATES_LEASE);
            lease.release(RATES_LEASE);
        }
    }

    private static int worked(int[] results) {
        return Arrays.stream(results).filter(r -> r > 0).sum();
    }

    private String certificate(String staffId, int expiresInDays) {
        TestHttp.Response r = admin().post("/api/v1/training/certificates", Map.of("staffId", staffId,
                "category", "电工作业", "number", "R" + System.nanoTime(), "issuer", "苏州市应急管理局",
                "issuedOn", calendar.today().minusYears(5).toString(),
                "expiresOn", calendar.today().plusDays(expiresInDays).toString()));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    private List<String> reminderIds(String cert) {
        return mongo.find(new Query(Criteria.where("certificateId").is(cert)), Document.class,
                "certificate_reminders").stream().map(d -> d.getString("_id")).sorted().toList();
    }

    /** A second replica's rates publisher: the same store, calendar and settings, a lease owner of its own. */
    private RatesPublisher replica(MongoLease replicaLease) throws ReflectiveOperationException {
        Constructor<RatesPublisher> constructor = RatesPublisher.class.getDeclaredConstructor(TrainingRates.class,
                AggregateStore.class, MongoLease.class, CityCalendar.class, TrainingProperties.class);
        constructor.setAccessible(true);
        return constructor.newInstance(context.getBean(TrainingRates.class), context.getBean("townRatesAggregates"),
                replicaLease, calendar, properties);
    }
}
