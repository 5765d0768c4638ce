package org.liuhua.training.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.cloudevents.CloudEvent;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.liuhua.kit.test.DeliveryOrders;
import org.liuhua.kit.test.GridEvents;
import org.liuhua.kit.test.TestHttp;
import org.liuhua.training.TrainingIT;
import org.liuhua.training.certificate.ReminderJob;
import org.liuhua.training.rates.RatesPublisher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.liuhua.kit.test.GridEvents.changed;
import static org.liuhua.kit.test.GridEvents.grid;
import static org.liuhua.kit.test.GridEvents.registered;

/**
 * Fault matrix, service level, for training-service: every consumed grid event type delivered twice and out of order
 * leaves the state of a clean delivery; the certificate reminders and the town rates survive a clock jump forwards
 * (due work once, not once per missed tick) and backwards (nothing undone, nothing sent again).
 */
class FaultMatrixIT extends TrainingIT {

    private static final Instant T0 = Instant.parse("2026-11-04T01:00:00Z");

    @Autowired
    ApplicationContext context;
    @Autowired
    ReminderJob reminders;
    @Autowired
    RatesPublisher rates;

    @Test
    void everyConsumedTypeToleratesDuplicateAndOutOfOrderDelivery() {
        assertThat(DeliveryOrders.typesOf(sequence("coverage")))
                .as("the sequence covers every type a router of training-service handles")
                .isEqualTo(DeliveryOrders.routedTypes(context));

        DeliveryOrders.assertSameState(this::sequence, DeliveryOrders.toEveryRouter(context), this::state);
    }

    @Test
    void certificateRemindersAndTownRatesSurviveAClockJumpForwardsAndBackwards() {
        String est = establishment(JINFENG);
        String worker = staff(est, "J01", "SPECIAL_OPERATIONS", "电工");
        TestHttp.Response created = admin().post("/api/v1/training/certificates", Map.of("staffId", worker,
                "category", "电工作业", "number", "J" + System.nanoTime(), "issuer", "苏州市应急管理局",
                "issuedOn", calendar.today().minusYears(5).toString(),
                "expiresOn", calendar.today().plusDays(100).toString()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String cert = created.json().get("id").asString();
        reminders.runOnce();
        assertThat(reminderIds(cert)).as("100 days left: no threshold reached").isEmpty();
        rates.runOnce();

        // the service was down for 75 days: 90-, 60- and 30-day thresholds all passed; the sweep sends one
        // reminder (the one due now), and ticks after it send nothing more
        clock.advance(Duration.ofDays(75));
        reminders.runOnce();
        reminders.runOnce();
        reminders.runOnce();
        assertThat(reminderIds(cert)).containsExactly(cert + ":30");
        rates.runOnce();
        assertThat(rates.runOnce()).as("rates published once per change, not once per tick").isZero();
        long rateDocuments = mongo.count(new Query(), "town_rates");

        // the clock is set back a day: nothing is withdrawn, nothing sent again
        clock.advance(Duration.ofDays(-1));
        reminders.runOnce();
        reminders.runOnce();
        assertThat(reminderIds(cert)).containsExactly(cert + ":30");
        rates.runOnce();
        assertThat(rates.runOnce()).isZero();
        assertThat(mongo.count(new Query(), "town_rates")).as("one document per town and month")
                .isEqualTo(rateDocuments);
        assertThat(enterpriseOfficer(est).get("/api/v1/training/inbox").json().get("totalElements").asInt())
                .isEqualTo(1);

        // and forwards again past the 7-day threshold: exactly the next reminder
        clock.advance(Duration.ofDays(20));
        reminders.runOnce();
        reminders.runOnce();
        assertThat(reminderIds(cert)).containsExactly(cert + ":30", cert + ":7");
    }

    private List<String> reminderIds(String cert) {
        return mongo.find(new Query(Criteria.where("certificateId").is(cert)), Document.class,
                        "certificate_reminders").stream().map(d -> d.getString("_id"))
                .sorted(Comparator.comparing((String id) -> -Integer.parseInt(id.substring(id.lastIndexOf(':') + 1))))
                .toList();
    }

    /** One run's grid events: an establishment changed twice, a tenant, an inspector moving between units. */
    private List<CloudEvent> sequence(String run) {
        List<CloudEvent> events = new ArrayList<>();
        String est = "est-" + run + "-1";
        events.add(grid(est, registered(est, JINFENG, "unit-" + run + "-1", "dept-industry", null, T0, 1)));
        events.add(grid(est, changed(registered(est, JINFENG, "unit-" + run + "-2", "dept-industry", null, T0, 2))));
        events.add(grid(est, changed(registered(est, JINFENG, "unit-" + run + "-2", "dept-fire", null, T0, 3))));
        String tenant = "est-" + run + "-2";
        events.add(grid(tenant, registered(tenant, JINFENG, "unit-" + run + "-1", "dept-industry", null, T0, 1)));
        events.add(grid(tenant, changed(registered(tenant, JINFENG, "unit-" + run + "-1", "dept-industry", est, T0,
                2))));
        events.addAll(GridEvents.inspectorMoves(run, JINFENG, T0));
        return events;
    }

    private Map<String, Object> state(String run) {
        Map<String, Object> state = new LinkedHashMap<>();
        for (String est : List.of("est-" + run + "-1", "est-" + run + "-2")) {
            state.put(est, mongo.findById(est, Document.class, "establishments"));
        }
        state.put("bindings", GridEvents.bindingsAfterInspectorMoves(mongo, run));
        assertThat(state.get("est-" + run + "-1")).isNotNull();
        return state;
    }
}
