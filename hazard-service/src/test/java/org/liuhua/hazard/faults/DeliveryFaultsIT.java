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
import org.liuhua.events.manual.ChecklistItemFailed;
import org.liuhua.hazard.HazardIT;
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
 * opened or joined (which finding's key names a joined ticket depends on the order; the ticket's content does not).
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
        events.add(grid("patrol-" + run + "-1", finding(run, "f1", "patrol-" + run + "-1", first, "est-" + run + "-1",
                "FIRE_SAFETY", "消防通道堵塞")));
        events.add(grid("patrol-" + run + "-2", finding(run, "f2", "patrol-" + run + "-2", second,
                "est-" + run + "-1", "FIRE_SAFETY", "安全出口被货物堵塞")));
        events.add(grid("patrol-" + run + "-2", finding(run, "f3", "patrol-" + run + "-2", second,
                "est-" + run + "-2", "GAS", "燃气报警器失灵")));
        // a self-check run fails an item; a patrol's checklist fails the fire item again (joins the ticket)
        events.add(manual("run-" + run + "-1", failed(run, "run-" + run + "-1", "ENTERPRISE_SELF_CHECK",
                "est-" + run + "-2", "ELECTRICAL", "配电箱未接地")));
        events.add(manual("run-" + run + "-2", failed(run, "run-" + run + "-2", "GRID_PATROL", "est-" + run + "-1",
                "FIRE_SAFETY", "疏散通道不畅通")));
        return events;
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
