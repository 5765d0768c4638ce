package org.liuhua.hazard.faults;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;

import io.cloudevents.CloudEvent;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.liuhua.events.grid.PatrolFindingRecorded;
import org.liuhua.events.grid.PatrolFindingWithdrawn;
import org.liuhua.events.manual.ChecklistItemFailed;
import org.liuhua.events.hazard.HazardAcknowledged;
import org.liuhua.events.hazard.HazardClosed;
import org.liuhua.events.hazard.HazardEnforced;
import org.liuhua.events.hazard.HazardRectified;
import org.liuhua.events.hazard.HazardReviewed;
import org.liuhua.events.hazard.HazardSeverityRaised;
import org.liuhua.events.hazard.HazardSnapshot;
import org.liuhua.events.hazard.HazardTransferRefused;
import org.liuhua.events.hazard.HazardTransferRerouted;
import org.liuhua.events.hazard.HazardTransferred;
import org.liuhua.hazard.HazardIT;
import org.liuhua.kit.outbox.EventJson;
import org.liuhua.kit.test.TestHttp;
import org.liuhua.kit.test.DeliveryOrders;
import org.liuhua.kit.test.GridEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.liuhua.kit.test.GridEvents.changed;
import static org.liuhua.kit.test.GridEvents.grid;
import static org.liuhua.kit.test.GridEvents.registered;

/**
 * Fault matrix, service level: every event type hazard-service consumes (grid's establishment snapshots, inspector
 * bindings and patrol findings; manual-service's failed checklist items), delivered twice and out of order, leaves
 * the state a clean in-order delivery leaves: the known establishments and bindings, and the hazards the findings
 * opened or joined (which finding's key names a joined ticket depends on the order; the ticket's content does not),
 * a patrol finding's photo attached once, and the firm's webhook deliveries queued from the service's own hazard
 * events (one per event and firm).
 */
class DeliveryFaultsIT extends HazardIT {

    private static final Instant T0 = Instant.parse("2026-11-03T01:00:00Z");

    @Autowired
    ApplicationContext context;
    @Autowired
    MongoTemplate mongo;

    private Consumer<CloudEvent> deliver;

    @Test
    void everyConsumedTypeToleratesDuplicateAndOutOfOrderDelivery() {
        deliver = DeliveryOrders.toEveryRouter(context);
        assertThat(DeliveryOrders.typesOf(sequence("coverage")))
                .as("the sequence covers every type a router of hazard-service handles")
                .isEqualTo(DeliveryOrders.routedTypes(context));

        DeliveryOrders.assertSameState(this::sequence, deliver, this::state);
    }

    /**
     * One run: the establishments the findings name are known beforehand (delivered first, in order: the intake
     * reads what the known-establishments consumer learnt); then the sequence under test.
     */
    private List<CloudEvent> sequence(String run) {
        deliver.accept(grid("est-" + run + "-1", registered("est-" + run + "-1", JINFENG, "unit-" + run + "-1",
                "dept-emergency", null, T0, 1)));
        deliver.accept(grid("est-" + run + "-2", registered("est-" + run + "-2", JINFENG, "unit-" + run + "-1",
                "dept-emergency", null, T0, 1)));

        List<CloudEvent> events = new ArrayList<>();
        String moved = "est-" + run + "-3";
        events.add(grid(moved, registered(moved, JINFENG, "unit-" + run + "-1", "dept-emergency", null, T0, 1)));
        events.add(grid(moved, changed(registered(moved, JINFENG, "unit-" + run + "-2", "dept-fire", null, T0, 2))));
        events.add(grid(moved, changed(registered(moved, JINFENG, "unit-" + run + "-2", "dept-industry", null, T0,
                3))));
        // an inspector moves from unit 1 to unit 2; a second one stays in unit 1
        events.addAll(GridEvents.inspectorMoves(run, JINFENG, T0));
        String first = "insp-" + run + "-1";
        String second = "insp-" + run + "-2";
        // two patrols find the same blocked fire exit (one ticket), one finds a gas alarm out of order
        // the first finding carries a photo the inspector uploaded before the sync (attached once, whatever the order)
        TestHttp.Response photo = upload(inspector(first), "/api/v1/evidence", "f1.png", png(256), Map.of());
        assertThat(photo.status()).as(photo.toString()).isEqualTo(201);
        PatrolFindingRecorded f1 = finding(run, "f1", "patrol-" + run + "-1", first, "est-" + run + "-1",
                "FIRE_SAFETY", "消防通道堵塞");
        events.add(grid("patrol-" + run + "-1", new PatrolFindingRecorded(f1.findingId(), f1.patrolId(),
                f1.inspectorId(), f1.establishmentId(), f1.townId(), f1.category(), f1.severity(), f1.description(),
                f1.checklistItemId(), f1.foundAt(), f1.recordedAt(), List.of(photo.json().get("evidenceId")
                .asString()))));
        events.add(grid("patrol-" + run + "-2", finding(run, "f2", "patrol-" + run + "-2", second,
                "est-" + run + "-1", "FIRE_SAFETY", "安全出口被货物堵塞")));
        events.add(grid("patrol-" + run + "-2", finding(run, "f3", "patrol-" + run + "-2", second,
                "est-" + run + "-2", "GAS", "燃气报警器失灵")));
        // the gas finding is withdrawn (grid had not heard of its hazard yet): its hazard ends VOIDED in any order
        events.add(grid("patrol-" + run + "-2", new PatrolFindingWithdrawn("finding-" + run + "-f3",
                "patrol-" + run + "-2", second, "est-" + run + "-2", JINFENG, "误录：报警器正常", second + ".user",
                T0.plusSeconds(7400))));
        // a self-check run fails an item; a patrol's checklist fails the fire item again (joins the ticket)
        events.add(manual("run-" + run + "-1", failed(run, "run-" + run + "-1", "ENTERPRISE_SELF_CHECK",
                "est-" + run + "-2", "ELECTRICAL", "配电箱未接地")));
        events.add(manual("run-" + run + "-2", failed(run, "run-" + run + "-2", "GRID_PATROL", "est-" + run + "-1",
                "FIRE_SAFETY", "疏散通道不畅通")));
        events.addAll(firmHazardChanges(run));
        return events;
    }

    /**
     * The hazard events a firm's webhook is notified of (read back from the service's own topic), for a hazard
     * holding a finding of a firm with a registered webhook: each event becomes one delivery, however often and in
     * whatever order it comes.
     */
    private List<CloudEvent> firmHazardChanges(String run) {
        String firmId = "firm-" + run;
        String est = "est-" + run + "-firm";
        admin().post("/api/v1/contracts", Map.of("firmId", firmId, "establishmentIds", List.of(est),
                "validFrom", "2026-01-01", "validTo", "2030-12-31"));
        // a receiver nobody listens on: the deliveries stay pending (their attempts are not what is compared)
        assertThat(firm(firmId).put("/api/v1/firms/" + firmId + "/webhook", Map.of("url",
                "http://127.0.0.1:9/hooks/" + run, "secret", "lh-webhook-secret-" + run)).status()).isEqualTo(200);
        String hazardId = firm(firmId).post("/api/v1/intake/findings", Map.of("findings", List.of(Map.of(
                "externalId", "HK-" + run, "establishmentId", est, "townId", JINFENG, "category", "FIRE_SAFETY",
                "description", "第三方检查：疏散通道堵塞")))).json().get("items").get(0).get("hazardId").asString();
        Instant at = Instant.now();
        List<Object> changes = List.of(
                new HazardTransferred(snapshot(hazardId, est, "TRANSFERRED", 2, at), true, "dept-emergency",
                        at.plusSeconds(259200), "镇街吹哨"),
                new HazardTransferRefused(snapshot(hazardId, est, "REPORTED", 3, at), "dept-emergency", "不属本部门"),
                new HazardTransferRerouted(snapshot(hazardId, est, "TRANSFERRED", 4, at), "dept-emergency",
                        "dept-fire", "转交消防", at.plusSeconds(259200)),
                new HazardAcknowledged(snapshot(hazardId, est, "RECTIFYING", 5, at), "dept-fire", "已报到"),
                new HazardSeverityRaised(snapshot(hazardId, est, "RECTIFYING", 6, at), "GENERAL", "属重大事故隐患"),
                new HazardRectified(snapshot(hazardId, est, "REVIEW", 7, at), "清理通道", "张经理",
                        java.math.BigDecimal.TEN, null, "专人值守", List.of()),
                new HazardReviewed(snapshot(hazardId, est, "ENFORCEMENT", 8, at), true, "复核通过", List.of()),
                new HazardEnforced(snapshot(hazardId, est, "ENFORCEMENT", 9, at), "CASE_FILED", "张应急立〔2026〕1号",
                        null, null),
                new HazardClosed(snapshot(hazardId, est, "CLOSED", 10, at), at, at, "CASE_FILED", 0));
        return changes.stream().map(c -> DeliveryOrders.event("hazard-service", hazardId, c)).toList();
    }

    private static HazardSnapshot snapshot(String hazardId, String est, String state, long revision, Instant at) {
        return new HazardSnapshot(hazardId, est, JINFENG, "dept-emergency", "FIRE_SAFETY", "GENERAL", "THIRD_PARTY",
                state, null, false, revision, at, "officer", "TOWN_OFFICER", null);
    }

    private Map<String, Object> state(String run) {
        Map<String, Object> state = new LinkedHashMap<>();
        for (int i = 1; i <= 3; i++) {
            state.put("est-" + run + "-" + i, mongo.findById("est-" + run + "-" + i, Document.class,
                    "establishments"));
        }
        state.put("bindings", GridEvents.bindingsAfterInspectorMoves(mongo, run));
        List<Map<String, Object>> hazards = new ArrayList<>();
        for (Document h : mongo.find(new Query(Criteria.where("establishmentId").in("est-" + run + "-1",
                "est-" + run + "-2")), Document.class, "hazards")) {
            Map<String, Object> ticket = new LinkedHashMap<>();
            for (String field : List.of("establishmentId", "townId", "departmentId", "industry", "category",
                    "severity", "source", "state", "overdue", "escalationLevel")) {
                ticket.put(field, h.get(field));
            }
            TreeSet<String> keys = new TreeSet<>();
            keys.add(h.getString("sourceKey"));
            h.getList("corroborations", Document.class, List.of()).forEach(c -> keys.add(c.getString("sourceKey")));
            ticket.put("sourceKeys", keys);
            // one history step per event the ticket published (the outbox itself is emptied by the relay)
            ticket.put("history", h.getList("history", Document.class, List.of()).stream()
                    .map(e -> e.getString("command")).sorted().toList());
            hazards.add(ticket);
        }
        hazards.sort(Comparator.comparing(t -> t.get("establishmentId") + "|" + t.get("category")));
        state.put("hazards", hazards);
        assertThat(hazards).as("the findings became hazards").hasSize(3);
        assertThat(hazards).filteredOn(t -> "GAS".equals(t.get("category"))).singleElement()
                .satisfies(t -> assertThat(t.get("state")).as("the withdrawn finding's hazard").isEqualTo("VOIDED"))
                .satisfies(t -> assertThat(t.get("history")).isEqualTo(List.of("report", "void")));
        // the firm's webhook deliveries: one per notified event, each with the state the event carried
        state.put("webhookDeliveries", mongo.find(new Query(Criteria.where("firmId").is("firm-" + run)),
                Document.class, "webhook_deliveries").stream().map(d -> d.getString("eventType") + " "
                + EventJson.read(d.getString("body"), Map.class).get("state")).sorted().toList());
        return state;
    }

    private static CloudEvent manual(String key, Object payload) {
        return DeliveryOrders.event("manual-service", key, payload);
    }

    private static PatrolFindingRecorded finding(String run, String id, String patrolId, String inspectorId,
                                                 String est, String category, String description) {
        return new PatrolFindingRecorded("finding-" + run + "-" + id, patrolId, inspectorId, est, JINFENG, category,
                "GENERAL", description, null, T0.plusSeconds(7200), T0.plusSeconds(7300));
    }

    private static ChecklistItemFailed failed(String run, String runId, String source, String est, String category,
                                              String description) {
        return new ChecklistItemFailed(runId + ":item-" + category, runId, "GM-" + category, est, JINFENG,
                "dept-emergency", source, "GENERAL", category, description, "工贸企业重大事故隐患判定标准", null,
                "checker-" + run, T0.plusSeconds(9000));
    }
}
