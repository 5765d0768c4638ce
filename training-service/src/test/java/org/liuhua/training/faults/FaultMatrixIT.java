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
import org.liuhua.events.grid.EstablishmentChanged;
import org.liuhua.events.grid.EstablishmentRegistered;
import org.liuhua.events.grid.InspectorBound;
import org.liuhua.events.grid.InspectorUnbound;
import org.liuhua.kit.test.DeliveryOrders;
import org.liuhua.kit.test.TestHttp;
import org.liuhua.training.TrainingIT;
import org.liuhua.training.certificate.ReminderJob;
import org.liuhua.training.rates.RatesPublisher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

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
        events.add(grid(est, registered(est, "unit-" + run + "-1", null, 1, "dept-industry")));
        events.add(grid(est, changed(registered(est, "unit-" + run + "-2", null, 2, "dept-industry"))));
        events.add(grid(est, changed(registered(est, "unit-" + run + "-2", null, 3, "dept-fire"))));
        String tenant = "est-" + run + "-2";
        events.add(grid(tenant, registered(tenant, "unit-" + run + "-1", null, 1, "dept-industry")));
        events.add(grid(tenant, changed(registered(tenant, "unit-" + run + "-1", est, 2, "dept-industry"))));
        String first = "insp-" + run + "-1";
        events.add(grid(first, new InspectorBound(first, "王建国", "FULL_TIME", "unit-" + run + "-1", JINFENG, T0,
                "town-officer")));
        events.add(grid(first, new InspectorUnbound(first, "unit-" + run + "-1", JINFENG, T0.plusSeconds(86_400),
                "town-officer")));
        events.add(grid(first, new InspectorBound(first, "王建国", "FULL_TIME", "unit-" + run + "-2", JINFENG,
                T0.plusSeconds(86_400), "town-officer")));
        String second = "insp-" + run + "-2";
        events.add(grid(second, new InspectorBound(second, "李梅", "PART_TIME", "unit-" + run + "-1", JINFENG, T0,
                "town-officer")));
        return events;
    }

    private Map<String, Object> state(String run) {
        Map<String, Object> state = new LinkedHashMap<>();
        for (String est : List.of("est-" + run + "-1", "est-" + run + "-2")) {
            state.put(est, mongo.findById(est, Document.class, "establishments"));
        }
        state.put("bindings", mongo.find(new Query(Criteria.where("inspectorId").in("insp-" + run + "-1",
                        "insp-" + run + "-2")), Document.class, "inspector_bindings").stream()
                .sorted(Comparator.comparing(d -> d.getString("_id"))).toList());
        assertThat(state.get("est-" + run + "-1")).isNotNull();
        return state;
    }

    private static CloudEvent grid(String key, Object payload) {
        return DeliveryOrders.event("grid-service", key, payload);
    }

    private static EstablishmentRegistered registered(String id, String unitId, String landlordId, long revision,
                                                      String departmentId) {
        return new EstablishmentRegistered(id, "张家港某机械厂 " + id, "INDUSTRIAL", "MACHINERY", departmentId,
                JINFENG, JINFENG + "-v01", JINFENG + "-v01-g1", unitId, "GENERAL", List.of(), 60, "锦丰镇某路2号",
                31.9, 120.6, landlordId, null, T0.plusSeconds(revision * 3600), revision);
    }

    private static EstablishmentChanged changed(EstablishmentRegistered s) {
        return new EstablishmentChanged(s.establishmentId(), s.name(), s.kind(), s.industry(), s.departmentId(),
                s.townId(), s.villageId(), s.gridId(), s.unitId(), s.riskLevel(), s.flags(), s.employeeCount(),
                s.address(), s.latitude(), s.longitude(), s.landlordId(), s.clusterId(), s.changedAt(),
                s.revision());
    }
}
