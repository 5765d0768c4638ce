package org.liuhua.reporting.hazards;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.liuhua.events.EventTypes;
import org.liuhua.events.hazard.HazardAcknowledged;
import org.liuhua.events.hazard.HazardCorroborated;
import org.liuhua.events.hazard.HazardEnforced;
import org.liuhua.events.hazard.HazardEscalated;
import org.liuhua.events.hazard.HazardEvidenceAdded;
import org.liuhua.events.hazard.HazardFindingWithdrawn;
import org.liuhua.events.hazard.HazardRectified;
import org.liuhua.events.hazard.HazardReviewed;
import org.liuhua.events.hazard.HazardSeverityRaised;
import org.liuhua.events.hazard.HazardSignedOff;
import org.liuhua.events.hazard.HazardSupervisionOrdered;
import org.liuhua.events.hazard.HazardTransferRefused;
import org.liuhua.events.hazard.HazardTransferRerouted;
import org.liuhua.events.hazard.HazardTransferred;
import org.liuhua.kit.test.DeliveryOrders;
import org.liuhua.reporting.ProjectorTestSupport;
import org.liuhua.reporting.projection.ProjectionSpace;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fault matrix, service level: every hazard event type the statistics read (the hazard projector's {@code types()}),
 * delivered twice and out of order (in batches of three, as the projection runtime polls them), leaves
 * every collection the projector writes as a clean in-order delivery leaves it: the facts, the transitions, the
 * figures, the months and days, the town months and the attention lists' rows (each run also checks which rows
 * documents hold which hazard, after the hazards moved between departments and lists), and the reconciliation from
 * the facts rebuilds the same documents. Each delivery writes to a database of its own.
 */
class ProjectorDeliveryFaultsTest {

    private static final Instant T0 = Instant.parse("2026-11-02T01:00:00Z");

    private static final int BATCH = 3;
    /** One client for every run's database (a client per run costs a connection handshake each). */
    private static final com.mongodb.client.MongoClient CLIENT = com.mongodb.client.MongoClients.create(
            org.liuhua.kit.test.MongoStandIn.uri("projector-faults"));

    private final Map<String, MongoTemplate> databases = new HashMap<>();
    private final Map<String, List<CloudEvent>> pending = new HashMap<>();
    private final ProjectionSpace space = new ProjectionSpace(1);

    @Test
    void everyHazardTypeTheStatisticsReadToleratesDuplicateAndOutOfOrderDelivery() {
        HazardProjector projector = new HazardProjector(null, ProjectorTestSupport.CALENDAR);
        assertThat(DeliveryOrders.typesOf(lifecycles("coverage"))).as("every type the projector reads is delivered")
                .isEqualTo(new java.util.TreeSet<>(projector.types()));

        DeliveryOrders.assertSameState(this::sequence, this::deliver, this::state);
    }

    /** A fresh database per run; its events are the three hazards' lifecycles. */
    private List<CloudEvent> sequence(String run) {
        databases.put(run, new MongoTemplate(CLIENT, "projector-faults-" + run));
        return lifecycles(run);
    }

    /** Collects the run's deliveries; {@link #state} applies them in batches of three, as the runtime polls them. */
    private void deliver(CloudEvent event) {
        String run = event.getId().substring(0, event.getId().indexOf('/'));
        pending.computeIfAbsent(run, r -> new ArrayList<>()).add(event);
    }

    private Map<String, Object> state(String run) {
        MongoTemplate mongo = databases.get(run);
        HazardProjector projector = new HazardProjector(mongo, ProjectorTestSupport.CALENDAR);
        List<CloudEvent> delivered = pending.remove(run);
        for (int i = 0; i < delivered.size(); i += BATCH) {
            projector.apply(delivered.subList(i, Math.min(delivered.size(), i + BATCH)), space);
        }
        Map<String, Object> state = stored(mongo);
        assertThat(state).as("the projector wrote its collections").isNotEmpty();
        assertAttentionLists(mongo, run);
        // the reconciliation (start-up, a rebuild's switch) rebuilds the same documents from the facts alone
        mongo.dropCollection(space.collection(HazardProjector.ATTENTION));
        projector.reconcile(space);
        assertThat(stored(mongo)).as("reconciled from the facts").isEqualTo(state);
        return state;
    }

    private static Map<String, Object> stored(MongoTemplate mongo) {
        Map<String, Object> state = new TreeMap<>();
        for (String collection : mongo.getCollectionNames()) {
            List<Document> documents = new ArrayList<>(mongo.findAll(Document.class, collection));
            if (documents.isEmpty()) {
                continue;   // created by one order, not by another: no documents either way
            }
            documents.sort(Comparator.comparing(d -> String.valueOf(d.get("_id"))));
            // a document whose counts all went back to zero is the same as none
            state.put(collection, documents.stream().map(ProjectorDeliveryFaultsTest::canonical)
                    .filter(d -> !(d instanceof Map<?, ?> m && m.size() == 1 && m.containsKey("_id"))).toList());
        }
        return state;
    }

    /**
     * The open major hazard (3) is listed where it ended up (re-routed to housing), the overdue and escalated one (4)
     * in the department it was transferred to; neither is left in a document it moved out of, and the closed ones and
     * the voided one (5) are on no list nor counted. The scope documents count what the rows hold.
     */
    private void assertAttentionLists(MongoTemplate mongo, String run) {
        String collection = space.collection(HazardProjector.ATTENTION);
        Map<String, java.util.Set<String>> listed = new TreeMap<>();
        for (Document d : mongo.findAll(Document.class, collection)) {
            Object rows = d.get(AttentionRows.ROWS);
            java.util.Set<String> hazards = new java.util.TreeSet<>();
            if (rows instanceof Map<?, ?> m) {
                m.keySet().forEach(k -> hazards.add(String.valueOf(k).replace(run, "<run>")));
            }
            if (!hazards.isEmpty()) {
                listed.put(d.getString("_id"), hazards);
            }
        }
        java.util.Set<String> major = java.util.Set.of("hz-<run>-3");
        java.util.Set<String> late = java.util.Set.of("hz-<run>-4");
        assertThat(listed).as("attention rows of run %s", run).isEqualTo(new TreeMap<>(Map.of(
                "open-major:city@2026-11", major,
                "open-major:town:zjg-jinfeng@2026-11", major,
                "open-major:department:dept-housing@2026-11", major,
                "overdue:city@2026-11", late,
                "overdue:town:zjg-leyu@2026-11", late,
                "overdue:department:dept-fire@2026-11", late,
                "escalated:city@2026-11", late,
                "escalated:town:zjg-leyu@2026-11", late,
                "escalated:department:dept-fire@2026-11", late)));
        Document city = mongo.findById("city", Document.class, space.collection(HazardProjector.FIGURES));
        assertThat(((Number) city.get("total")).longValue()).as("the voided hazard (5) is not counted").isEqualTo(4);
        assertThat(canonical(city.get("byState"))).as("nor is its state").isEqualTo(Map.of("CLOSED", 2L,
                "TRANSFERRED", 2L));
        assertThat(canonical(city.get("attention"))).isEqualTo(Map.of("openMajor", Map.of("2026-11", 1L),
                "overdue", Map.of("2026-11", 1L), "escalated", Map.of("2026-11", 1L)));
    }

    /**
     * A document with its keys sorted and its zero counts left out: a count that went up and down again (a hazard
     * transferred away from a department, an overdue that ended) may be stored as 0 or not at all depending on which
     * event came first; both mean none.
     */
    private static Object canonical(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> {
                Object c = canonical(v);
                // a group whose counts all went back to zero is the same as none
                if (!(v instanceof Number n && n.doubleValue() == 0) && !(c instanceof Map<?, ?> m && m.isEmpty())) {
                    sorted.put(String.valueOf(k), c);
                }
            });
            return sorted;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ProjectorDeliveryFaultsTest::canonical).toList();
        }
        return value instanceof java.util.Date d ? d.toInstant().toString() : value;
    }

    /**
     * A general hazard of Jinfeng through the whole loop, a major one of Leyu overdue, escalated, enforced and signed
     * off, and an open one; each event's id names its run.
     */
    private static List<CloudEvent> lifecycles(String run) {
        List<CloudEvent> events = new ArrayList<>();
        HazardEvents.Hazard general = new HazardEvents.Hazard("hz-" + run + "-1", "zjg-jinfeng", "dept-emergency",
                "MACHINERY", "GENERAL", "GRID_PATROL");
        Instant at = T0;
        events.add(general.reported(at));
        events.add(step(general, HazardCorroborated.class, "REPORTED", 2, at = at.plusSeconds(3600), Map.of()));
        events.add(step(general, HazardEvidenceAdded.class, "REPORTED", 3, at = at.plusSeconds(3600), Map.of()));
        events.add(step(general, HazardTransferred.class, "TRANSFERRED", 4, at = at.plusSeconds(3600),
                Map.of("transferredDepartmentId", "dept-fire")));
        events.add(step(general, HazardAcknowledged.class, "RECTIFYING", 5, at = at.plusSeconds(86_400), Map.of()));
        events.add(step(general, HazardRectified.class, "RECTIFIED", 6, at = at.plusSeconds(86_400), Map.of()));
        events.add(step(general, HazardReviewed.class, "REVIEWED", 7, at = at.plusSeconds(3600),
                Map.of("passed", true)));
        events.add(general.closed(8, at.plusSeconds(3600)));

        HazardEvents.Hazard major = new HazardEvents.Hazard("hz-" + run + "-2", "zjg-leyu", "dept-industry",
                "CHEMICALS", "MAJOR", "LAW_ENFORCEMENT");
        at = T0.plusSeconds(600);
        events.add(major.reported(at));
        events.add(major.overdue(2, at = at.plusSeconds(86_400 * 3)));
        events.add(step(major, HazardEscalated.class, "RECTIFYING", 3, at = at.plusSeconds(60), Map.of("level", 1)));
        events.add(step(major, HazardEnforced.class, "RECTIFYING", 4, at = at.plusSeconds(86_400),
                Map.of("kind", "FINE", "caseNumber", "张应急罚〔2026〕17号", "penaltyAmountCny", 30000)));
        events.add(step(major, HazardRectified.class, "RECTIFIED", 5, at = at.plusSeconds(86_400), Map.of()));
        events.add(step(major, HazardReviewed.class, "REVIEWED", 6, at = at.plusSeconds(3600),
                Map.of("passed", true)));
        events.add(step(major, HazardSupervisionOrdered.class, "REVIEWED", 7, at = at.plusSeconds(3600), Map.of()));
        events.add(step(major, HazardSignedOff.class, "REVIEWED", 8, at = at.plusSeconds(3600), Map.of()));
        events.add(major.closed(9, at.plusSeconds(3600)));

        HazardEvents.Hazard open = new HazardEvents.Hazard("hz-" + run + "-3", "zjg-jinfeng", "dept-emergency",
                "MACHINERY", "GENERAL", "PUBLIC_REPORT");
        events.add(open.reported(T0.plusSeconds(7200)));
        // found to be major, transferred, refused back to the town, re-routed to another department
        at = T0.plusSeconds(7200);
        events.add(step(open, HazardSeverityRaised.class, "REPORTED", 2, at = at.plusSeconds(3600),
                Map.of("severity", "MAJOR", "previousSeverity", "GENERAL", "reason", "涉及粉尘涉爆，定为重大事故隐患")));
        events.add(step(open, HazardTransferred.class, "TRANSFERRED", 3, at = at.plusSeconds(3600),
                Map.of("severity", "MAJOR", "transferredDepartmentId", "dept-fire")));
        events.add(step(open, HazardTransferRefused.class, "REPORTED", 4, at = at.plusSeconds(3600),
                Map.of("severity", "MAJOR", "fromDepartmentId", "dept-fire", "reason", "不属本部门职责")));
        events.add(step(open, HazardTransferRerouted.class, "TRANSFERRED", 5, at = at.plusSeconds(3600),
                Map.of("severity", "MAJOR", "fromDepartmentId", "dept-fire", "toDepartmentId", "dept-housing",
                        "reason", "转住建部门")));

        // overdue and escalated, then transferred: it leaves the town's department for the fire department's lists
        HazardEvents.Hazard late = new HazardEvents.Hazard("hz-" + run + "-4", "zjg-leyu", "dept-emergency",
                "TRADE", "GENERAL", "GRID_PATROL");
        at = T0.plusSeconds(900);
        events.add(late.reported(at));
        events.add(late.overdue(2, at = at.plusSeconds(86_400 * 4)));
        events.add(step(late, HazardEscalated.class, "RECTIFYING", 3, at = at.plusSeconds(60),
                Map.of("level", 1, "overdue", true)));
        events.add(step(late, HazardTransferred.class, "TRANSFERRED", 4, at.plusSeconds(3600),
                Map.of("overdue", true, "transferredDepartmentId", "dept-fire")));

        // a major patrol finding withdrawn by its inspector before anything happened to it: voided, counted nowhere
        HazardEvents.Hazard voided = new HazardEvents.Hazard("hz-" + run + "-5", "zjg-jinfeng", "dept-emergency",
                "MACHINERY", "MAJOR", "GRID_PATROL");
        events.add(voided.reported(T0.plusSeconds(1200)));
        events.add(step(voided, HazardFindingWithdrawn.class, "VOIDED", 2, T0.plusSeconds(1500),
                Map.of("voided", true, "findingRef", "p-1:f-1", "reason", "误录")));

        List<CloudEvent> named = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            named.add(CloudEventBuilder.v1(events.get(i)).withId(run + "/" + i).build());
        }
        return named;
    }

    private static CloudEvent step(HazardEvents.Hazard hazard, Class<?> type, String state, long revision,
                                   Instant at, Map<String, Object> extra) {
        String name = EventTypes.typeOf(type);
        Map<String, Object> fields = new LinkedHashMap<>(extra);
        return hazard.event(name.substring("liuhua.hazard.".length(), name.length() - ".v1".length()), state,
                revision, at, fields);
    }
}
