package org.liuhua.grid.faults;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.cloudevents.CloudEvent;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.liuhua.events.hazard.EvidenceDiscarded;
import org.liuhua.events.hazard.EvidenceUploaded;
import org.liuhua.events.hazard.HazardClosed;
import org.liuhua.events.hazard.HazardCorroborated;
import org.liuhua.events.hazard.HazardReported;
import org.liuhua.events.manual.ChecklistItemPublished;
import org.liuhua.grid.GridIT;
import org.liuhua.kit.test.DeliveryOrders;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fault matrix, service level: every event type grid-service consumes, delivered twice and out of order, leaves the
 * state a clean in-order delivery leaves (checklist items learnt from manual-service, patrol findings' hazards and
 * their closing, and finding photos uploaded, learnt from hazard-service).
 */
class DeliveryFaultsIT extends GridIT {

    private static final Instant T0 = Instant.parse("2026-11-02T01:00:00Z");

    @Autowired
    ApplicationContext context;
    @Autowired
    MongoTemplate mongo;

    @Test
    void everyConsumedTypeToleratesDuplicateAndOutOfOrderDelivery() {
        assertThat(DeliveryOrders.typesOf(sequence("coverage")))
                .as("the sequence covers every type a router of grid-service handles")
                .isEqualTo(DeliveryOrders.routedTypes(context));

        DeliveryOrders.assertSameState(this::sequence, DeliveryOrders.toEveryRouter(context), this::state);
    }

    /** One run's events as manual- and hazard-service publish them; every id carries the run id. */
    private List<CloudEvent> sequence(String run) {
        List<CloudEvent> events = new ArrayList<>();
        String item = "GM-" + run + "-1";
        // an item published unverified, then again with the wording checked against the official text
        events.add(DeliveryOrders.event("manual-service", item, published(item, "粉尘爆炸危险场所未设置泄爆装置", false,
                T0)));
        events.add(DeliveryOrders.event("manual-service", item, published(item,
                "粉尘爆炸危险场所设置在非框架结构的多层建构筑物内", true, T0.plusSeconds(3600))));
        String other = "GM-" + run + "-2";
        events.add(DeliveryOrders.event("manual-service", other, published(other, "有限空间作业未执行审批制度", true,
                T0.plusSeconds(60))));
        // two patrol findings became hazards, one of them closed; a public report is not grid's concern
        String closedHazard = "hz-" + run + "-1";
        events.add(DeliveryOrders.event("hazard-service", closedHazard, reported(closedHazard, "GRID_PATROL",
                "finding-" + run + "-1", "est-" + run + "-1")));
        events.add(DeliveryOrders.event("hazard-service", closedHazard, new HazardClosed(closedHazard,
                "est-" + run + "-1", TOWN, "dept-emergency", "FIRE_SAFETY", "GENERAL", "GRID_PATROL", "CLOSED",
                LocalDate.parse("2026-11-20"), false, 6, T0.plusSeconds(86_400 * 5), "town-officer", "TOWN_OFFICER",
                T0, T0.plusSeconds(86_400 * 5), null, 5, "MACHINERY")));
        String openHazard = "hz-" + run + "-2";
        events.add(DeliveryOrders.event("hazard-service", openHazard, reported(openHazard, "GRID_PATROL",
                "finding-" + run + "-2", "est-" + run + "-2")));
        // a later patrol finding joined the open hazard (grid then refuses to correct that finding)
        events.add(DeliveryOrders.event("hazard-service", openHazard, new HazardCorroborated(openHazard,
                "est-" + run + "-2", TOWN, "dept-emergency", "FIRE_SAFETY", "GENERAL", "GRID_PATROL", "REPORTED",
                LocalDate.parse("2026-11-20"), false, 2, T0.plusSeconds(600), "inspector-2", "INSPECTOR",
                "GRID_PATROL", "p-" + run + ":f-2", null, "MACHINERY")));
        // an inspector's finding photo stored pending (what a patrol finding may name)
        String photo = "photo-" + run;
        events.add(DeliveryOrders.event("hazard-service", photo, new EvidenceUploaded(photo, "inspector:insp-" + run,
                T0.plusSeconds(30))));
        // another one, never attached and discarded by hazard-service: forgotten whatever the order
        String discarded = "photo-" + run + "-discarded";
        events.add(DeliveryOrders.event("hazard-service", discarded, new EvidenceUploaded(discarded,
                "inspector:insp-" + run, T0.plusSeconds(40))));
        events.add(DeliveryOrders.event("hazard-service", discarded, new EvidenceDiscarded(discarded,
                "inspector:insp-" + run, T0.plusSeconds(40), T0.plusSeconds(86_400 * 31))));
        String publicReport = "hz-" + run + "-3";
        events.add(DeliveryOrders.event("hazard-service", publicReport, reported(publicReport, "PUBLIC_REPORT",
                "PR-" + run, "est-" + run + "-3")));
        return events;
    }

    private Map<String, Object> state(String run) {
        Map<String, Object> state = new LinkedHashMap<>();
        for (String item : List.of("GM-" + run + "-1", "GM-" + run + "-2")) {
            state.put(item, mongo.findById(item, Document.class, "checklist_items"));
        }
        for (String hazard : List.of("hz-" + run + "-1", "hz-" + run + "-2", "hz-" + run + "-3")) {
            Document found = mongo.findById(hazard, Document.class, "finding_hazards");
            if (found != null && found.get("findingKeys") instanceof List<?> keys) {
                // a set: the order its members arrived in is no part of the state
                found.put("findingKeys", keys.stream().map(String::valueOf).sorted().toList());
            }
            state.put(hazard, found);
        }
        state.put("photo", mongo.findById("photo-" + run, Document.class, "uploaded_photos"));
        Document discarded = mongo.findById("photo-" + run + "-discarded", Document.class, "uploaded_photos");
        assertThat(discarded).as("a discarded photo is remembered as discarded").isNotNull();
        assertThat(discarded.get("owner")).as("and has no owner a finding could match").isNull();
        state.put("discarded photo", discarded);
        state.put("joined", mongo.findById("finding:p-" + run + ":f-2", Document.class, "finding_hazards"));
        assertThat(state.get("GM-" + run + "-1")).as("the item is known").isNotNull();
        return state;
    }

    private static ChecklistItemPublished published(String code, String text, boolean verified, Instant at) {
        return new ChecklistItemPublished(code, "GENERAL", List.of("MACHINERY"), List.of("DUST"), text,
                "工贸企业重大事故隐患判定标准", "应急管理部令第10号", "第十一条", "（一）", true, "DUST_EXPLOSION", verified, at);
    }

    private static HazardReported reported(String hazardId, String source, String sourceRef, String est) {
        return new HazardReported(hazardId, est, TOWN, "FIRE_SAFETY", "GENERAL", source, sourceRef, "消防通道堵塞",
                "inspector-1", T0, LocalDate.parse("2026-11-20"), "MACHINERY", 1, "dept-emergency", "REPORTED", 1, T0,
                "inspector-1", "INSPECTOR", null);
    }
}
