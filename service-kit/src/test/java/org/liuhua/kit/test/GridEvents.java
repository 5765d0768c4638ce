package org.liuhua.kit.test;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import io.cloudevents.CloudEvent;
import org.bson.Document;
import org.liuhua.events.grid.EstablishmentChanged;
import org.liuhua.events.grid.EstablishmentRegistered;
import org.liuhua.events.grid.InspectorBound;
import org.liuhua.events.grid.InspectorUnbound;
import org.liuhua.kit.readmodel.InspectorBindings;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Grid-service's events as its consumers receive them, for the delivery-fault tests of the services that keep a copy
 * of grid's establishments and inspector bindings (use with {@link DeliveryOrders}).
 */
public final class GridEvents {

    private GridEvents() {
    }

    /** A grid-service event keyed (and with subject) {@code key}. */
    public static CloudEvent grid(String key, Object payload) {
        return DeliveryOrders.event("grid-service", key, payload);
    }

    /**
     * A machinery works in the first grid of the town's first village, as registered (or, with a higher revision,
     * re-announced) {@code revision} hours after {@code t0}.
     */
    public static EstablishmentRegistered registered(String id, String townId, String unitId, String departmentId,
                                                     String landlordId, Instant t0, long revision) {
        return new EstablishmentRegistered(id, "张家港某机械厂 " + id, "INDUSTRIAL", "MACHINERY", departmentId,
                townId, townId + "-v01", townId + "-v01-g1", unitId, "GENERAL", List.of(), 40, "锦丰镇某路1号",
                31.9, 120.6, landlordId, null, t0.plusSeconds(revision * 3600), revision);
    }

    /** The same snapshot announced as a change. */
    public static EstablishmentChanged changed(EstablishmentRegistered s) {
        return new EstablishmentChanged(s.establishmentId(), s.name(), s.kind(), s.industry(), s.departmentId(),
                s.townId(), s.villageId(), s.gridId(), s.unitId(), s.riskLevel(), s.flags(), s.employeeCount(),
                s.address(), s.latitude(), s.longitude(), s.landlordId(), s.clusterId(), s.changedAt(),
                s.revision());
    }

    /**
     * Inspector {@code insp-<run>-1} moves from {@code unit-<run>-1} to {@code unit-<run>-2} a day after {@code t0};
     * {@code insp-<run>-2} stays in unit 1. Delivered in any order, the move must not be undone.
     */
    public static List<CloudEvent> inspectorMoves(String run, String townId, Instant t0) {
        String first = "insp-" + run + "-1";
        String second = "insp-" + run + "-2";
        Instant nextDay = t0.plusSeconds(86_400);
        return List.of(
                grid(first, new InspectorBound(first, "王建国", "FULL_TIME", "unit-" + run + "-1", townId, t0,
                        "town-officer")),
                grid(first, new InspectorUnbound(first, "unit-" + run + "-1", townId, nextDay, "town-officer")),
                grid(first, new InspectorBound(first, "王建国", "FULL_TIME", "unit-" + run + "-2", townId, nextDay,
                        "town-officer")),
                grid(second, new InspectorBound(second, "李梅", "PART_TIME", "unit-" + run + "-1", townId, t0,
                        "town-officer")));
    }

    /** The stored bindings of the two inspectors of {@link #inspectorMoves}, in key order. */
    public static List<Document> bindingsAfterInspectorMoves(MongoTemplate mongo, String run) {
        return mongo.find(new Query(Criteria.where("inspectorId").in("insp-" + run + "-1", "insp-" + run + "-2")),
                        Document.class, InspectorBindings.BINDINGS).stream()
                .sorted(Comparator.comparing(d -> d.getString("_id"))).toList();
    }
}
