package org.liuhua.reporting.grid;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.cloudevents.CloudEvent;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.liuhua.events.grid.ClusterAssessed;
import org.liuhua.events.grid.ClusterChanged;
import org.liuhua.events.grid.EstablishmentChanged;
import org.liuhua.events.grid.EstablishmentRegistered;
import org.liuhua.events.grid.EstablishmentSnapshot;
import org.liuhua.events.grid.InspectorBound;
import org.liuhua.events.grid.InspectorUnbound;
import org.liuhua.events.grid.PatrolCompleted;
import org.liuhua.events.grid.PatrolUnitChanged;
import org.liuhua.reporting.projection.ProjectionSpace;
import org.liuhua.reporting.projection.TownMonths;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.liuhua.reporting.ProjectorTestSupport.CALENDAR;
import static org.liuhua.reporting.ProjectorTestSupport.event;
import static org.liuhua.reporting.ProjectorTestSupport.mongo;

class GridProjectorTest {

    final MongoTemplate mongo = mongo();
    final GridProjector projector = new GridProjector(mongo, CALENDAR);
    final ProjectionSpace space = new ProjectionSpace(1);

    static EstablishmentSnapshot establishment(String id, String town, String kind, String industry, long revision) {
        return new EstablishmentSnapshot(id, "张家港" + id + "有限公司", kind, industry, "dept-industry", town, null,
                null, null, "GENERAL", List.of(), 20, "锦丰镇", null, null, null, null,
                Instant.parse("2026-11-01T01:00:00Z").plusSeconds(revision), revision);
    }

    Document counts(String id) {
        Document d = mongo.findById(id, Document.class, space.collection(GridProjector.COUNTS));
        return d == null ? new Document() : d;
    }

    static int total(Document d) {
        return d.get("total") == null ? 0 : ((Number) d.get("total")).intValue();
    }

    @Test
    void countsEachEstablishmentOnceAndARedeliveredBatchChangesNothing() {
        List<CloudEvent> batch = List.of(
                event(new EstablishmentRegistered(establishment("est-1", "zjg-jinfeng", "INDUSTRIAL", "METALLURGY", 1))),
                event(new EstablishmentRegistered(establishment("est-2", "zjg-jinfeng", "SMALL_VENUE", null, 1))),
                event(new EstablishmentRegistered(establishment("est-3", "zjg-leyu", "INDUSTRIAL", "METALLURGY", 1))));

        projector.apply(batch, space);
        projector.apply(batch, space);
        projector.apply(List.of(batch.get(1)), space);

        assertThat(total(counts("city"))).isEqualTo(3);
        assertThat(counts("city").get("byKind", Document.class)).containsEntry("INDUSTRIAL", 2)
                .containsEntry("SMALL_VENUE", 1);
        assertThat(counts("city").get("byTown", Document.class)).containsEntry("zjg-jinfeng", 2)
                .containsEntry("zjg-leyu", 1);
        assertThat(total(counts("town:zjg-jinfeng"))).isEqualTo(2);
        assertThat(total(counts("industry:METALLURGY"))).isEqualTo(2);
        assertThat(total(counts("industry:UNKNOWN"))).isEqualTo(1);
        assertThat(total(counts("department:dept-industry"))).isEqualTo(3);
        assertThat(mongo.findById("est-2", Document.class, space.collection(GridProjector.ESTABLISHMENTS)))
                .containsEntry("kind", "SMALL_VENUE").containsEntry("townId", "zjg-jinfeng");
    }

    @Test
    void anEstablishmentMovingTownsMovesItsCountAndALateOldSnapshotDoesNotMoveItBack() {
        CloudEvent registered = event(new EstablishmentRegistered(
                establishment("est-1", "zjg-jinfeng", "INDUSTRIAL", "METALLURGY", 1)));
        CloudEvent moved = event(new EstablishmentChanged(
                establishment("est-1", "zjg-leyu", "KEY_SECTOR", "CONSTRUCTION", 2)));

        projector.apply(List.of(registered), space);
        projector.apply(List.of(moved), space);
        projector.apply(List.of(registered, moved), space);

        assertThat(total(counts("town:zjg-jinfeng"))).isZero();
        assertThat(total(counts("town:zjg-leyu"))).isEqualTo(1);
        assertThat(total(counts("industry:METALLURGY"))).isZero();
        assertThat(total(counts("industry:CONSTRUCTION"))).isEqualTo(1);
        assertThat(counts("city").get("byKind", Document.class)).containsEntry("INDUSTRIAL", 0)
                .containsEntry("KEY_SECTOR", 1);
        assertThat(total(counts("city"))).isEqualTo(1);
        assertThat(mongo.findById("est-1", Document.class, space.collection(GridProjector.ESTABLISHMENTS)))
                .containsEntry("townId", "zjg-leyu").containsEntry("revision", 2L);
    }

    @Test
    void aChangeArrivingBeforeTheRegistrationCountsOnce() {
        projector.apply(List.of(event(new EstablishmentChanged(
                establishment("est-9", "zjg-leyu", "INDUSTRIAL", "TEXTILES", 2)))), space);
        projector.apply(List.of(event(new EstablishmentRegistered(
                establishment("est-9", "zjg-jinfeng", "INDUSTRIAL", "TEXTILES", 1)))), space);

        assertThat(total(counts("town:zjg-leyu"))).isEqualTo(1);
        assertThat(total(counts("town:zjg-jinfeng"))).isZero();
    }

    @Test
    void aClosedEstablishmentStaysInTheRegisterCopyButNoLongerCounts() {
        EstablishmentSnapshot open = establishment("est-7", "zjg-jinfeng", "INDUSTRIAL", "TEXTILES", 1);
        EstablishmentSnapshot closed = new EstablishmentSnapshot(open.establishmentId(), open.name(), open.kind(),
                open.industry(), open.departmentId(), open.townId(), null, null, null, open.riskLevel(), List.of(),
                open.employeeCount(), open.address(), null, null, null, null, open.changedAt().plusSeconds(60), 2, 0,
                List.of(), EstablishmentSnapshot.CLOSED, Instant.parse("2026-10-31T16:00:00Z"));
        CloudEvent registered = event(new EstablishmentRegistered(open));
        CloudEvent closing = event(new EstablishmentChanged(closed));

        projector.apply(List.of(registered), space);
        assertThat(total(counts("town:zjg-jinfeng"))).isEqualTo(1);
        projector.apply(List.of(closing), space);
        projector.apply(List.of(registered, closing), space);

        assertThat(total(counts("town:zjg-jinfeng"))).isZero();
        assertThat(total(counts("industry:TEXTILES"))).isZero();
        assertThat(mongo.findById("est-7", Document.class, space.collection(GridProjector.ESTABLISHMENTS)))
                .containsEntry("status", "CLOSED").containsEntry("revision", 2L);
    }

    @Test
    void patrolsFillTheTownMonthTheRankingAndTheEstablishmentsOnce() {
        PatrolCompleted patrol = new PatrolCompleted("p-1", "insp-1", "unit-1", "zjg-jinfeng",
                Instant.parse("2026-11-02T01:30:00Z"), Instant.parse("2026-11-02T04:45:00Z"),
                List.of("est-1", "est-2"), List.of("est-3"), 2);
        PatrolCompleted second = new PatrolCompleted("p-2", "insp-1", "unit-1", "zjg-jinfeng",
                Instant.parse("2026-11-05T01:30:00Z"), Instant.parse("2026-11-05T03:00:00Z"),
                List.of("est-1"), List.of(), 0);
        List<CloudEvent> batch = List.of(event(patrol), event(second));

        projector.apply(batch, space);
        projector.apply(batch, space);

        Document month = mongo.findById(TownMonths.id("zjg-jinfeng", "2026-11"), Document.class,
                space.collection(TownMonths.COLLECTION));
        Document grid = month.get("grid", Document.class);
        assertThat(grid.getList("inspectionGroups", String.class)).containsExactly("unit-1");
        assertThat(grid.get("patrolCount")).as("two patrols, each counted once").isEqualTo(2);
        assertThat(grid.getList("inspectedEstablishments", String.class)).containsExactlyInAnyOrder("est-1", "est-2");
        assertThat(grid.get("inspectionVisitCount")).as("proven visits").isEqualTo(3);
        assertThat(grid).doesNotContainKeys("patrols", "inspectionVisits");

        Document ranking = mongo.findById("2026-11", Document.class, space.collection(GridProjector.INSPECTOR_MONTHS));
        Document inspector = ranking.get("inspectors", Document.class).get("insp-1", Document.class);
        assertThat(inspector).containsEntry("patrolCount", 2).containsEntry("visitCount", 3)
                .containsEntry("findingCount", 2).doesNotContainKey("patrols");
        assertThat(inspector.getList("establishments", String.class)).containsExactlyInAnyOrder("est-1", "est-2");
        projector.apply(List.of(event(second)), space);
        assertThat(mongo.findById(TownMonths.id("zjg-jinfeng", "2026-11"), Document.class,
                space.collection(TownMonths.COLLECTION)).get("grid", Document.class).get("patrolCount"))
                .as("a patrol delivered again in a later batch").isEqualTo(2);

        Document visits = mongo.findById("est-3:2026-11", Document.class,
                space.collection(GridProjector.ESTABLISHMENT_PATROLS));
        assertThat(visits.get("patrols", Document.class).get("p-1", Document.class)).containsEntry("proven", false);
    }

    /**
     * The month documents every patrol rewrites stay the same size however many patrols the month has: counts, not
     * a key per patrol (the soak of benchmarks/README.md found them growing to hundreds of kilobytes).
     */
    @Test
    void theTownAndInspectorMonthsDoNotGrowWithTheMonthsPatrols() {
        java.util.function.IntFunction<PatrolCompleted> patrol = i -> new PatrolCompleted("p-grow-" + i, "insp-9",
                "unit-9", "zjg-yangshe", Instant.parse("2026-10-02T01:30:00Z").plusSeconds(i * 600L),
                Instant.parse("2026-10-02T02:30:00Z").plusSeconds(i * 600L), List.of("est-a", "est-b"), List.of(), 1);
        projector.apply(List.of(event(patrol.apply(0))), space);
        int townAfterOne = size(TownMonths.COLLECTION, TownMonths.id("zjg-yangshe", "2026-10"));
        int inspectorAfterOne = size(GridProjector.INSPECTOR_MONTHS, "2026-10");
        List<CloudEvent> more = new ArrayList<>();
        for (int i = 1; i < 300; i++) {
            more.add(event(patrol.apply(i)));
        }
        projector.apply(more, space);
        Document grid = mongo.findById(TownMonths.id("zjg-yangshe", "2026-10"), Document.class,
                space.collection(TownMonths.COLLECTION)).get("grid", Document.class);
        assertThat(grid).containsEntry("patrolCount", 300).containsEntry("inspectionVisitCount", 600);
        assertThat(size(TownMonths.COLLECTION, TownMonths.id("zjg-yangshe", "2026-10")))
                .isLessThanOrEqualTo(townAfterOne + 16);
        assertThat(size(GridProjector.INSPECTOR_MONTHS, "2026-10")).isLessThanOrEqualTo(inspectorAfterOne + 16);
    }

    /**
     * A batch writes each month document once (its patrols' upserts merged), and leaves the same documents as the
     * same patrols delivered one batch each: sets in the same order, the inspector's town from their latest patrol.
     */
    @Test
    void aBatchOfPatrolsLeavesTheSameDocumentsAsThePatrolsOneByOne() {
        List<PatrolCompleted> patrols = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            String town = i % 5 == 4 ? "zjg-tangqiao" : "zjg-jinfeng";
            Instant start = Instant.parse("2026-09-28T01:00:00Z").plusSeconds(i * 43_200L);
            patrols.add(new PatrolCompleted("p-m-" + i, "insp-" + (i % 3), "unit-" + (i % 2), town, start,
                    start.plusSeconds(3_600), List.of("est-" + (i % 7), "est-" + (i % 4)),
                    i % 3 == 0 ? List.of("est-9") : List.of(), i % 2));
        }
        java.util.Collections.shuffle(patrols, new java.util.Random(7));
        ProjectionSpace oneByOne = new ProjectionSpace(2);
        projector.apply(patrols.stream().map(p -> event(p)).toList(), space);
        patrols.forEach(p -> projector.apply(List.of(event(p)), oneByOne));

        for (String collection : List.of(TownMonths.COLLECTION, GridProjector.INSPECTOR_MONTHS,
                GridProjector.ESTABLISHMENT_PATROLS)) {
            List<Document> batched = mongo.findAll(Document.class, space.collection(collection));
            List<Document> single = mongo.findAll(Document.class, oneByOne.collection(collection));
            assertThat(batched).as(collection).hasSizeGreaterThan(1);
            assertThat(byId(batched)).as(collection).isEqualTo(byId(single));
        }
        Document october = mongo.findById("2026-10", Document.class, space.collection(GridProjector.INSPECTOR_MONTHS));
        assertThat(october.get("inspectors", Document.class).get("insp-1", Document.class))
                .as("the latest patrol of the month (p-m-22) names the town, not p-m-19 in another town")
                .containsEntry("townId", "zjg-jinfeng");
    }

    private static Map<Object, Document> byId(List<Document> documents) {
        Map<Object, Document> byId = new java.util.TreeMap<>();
        documents.forEach(d -> byId.put(d.get("_id"), d));
        return byId;
    }

    private int size(String collection, String id) {
        return mongo.findById(id, Document.class, space.collection(collection)).toJson().length();
    }

    @Test
    void keyUnitsWithoutACurrentFullTimeInspectorAreStaffingGapsWhateverTheOrder() {
        Instant bound = Instant.parse("2026-10-01T00:00:00Z");
        Instant unbound = Instant.parse("2026-11-01T00:00:00Z");
        projector.apply(List.of(
                event(new PatrolUnitChanged("unit-k", "锦丰镇重点单元一", "KEY", "g1", "v1", "zjg-jinfeng", bound, 1)),
                event(new PatrolUnitChanged("unit-g", "锦丰镇一般单元一", "GENERAL", "g1", "v1", "zjg-jinfeng", bound, 1)),
                event(new InspectorUnbound("insp-1", "unit-k", "zjg-jinfeng", unbound, "admin"))), space);
        projector.apply(List.of(
                event(new InspectorBound("insp-1", "陈刚", "FULL_TIME", "unit-k", "zjg-jinfeng", bound, "admin"))), space);

        GridFigures figures = new GridFigures(mongo, CALENDAR, null);
        assertThat(figures.staffingGaps(space, "zjg-jinfeng")).extracting(GridFigures.StaffingGap::unitId)
                .containsExactly("unit-k");

        projector.apply(List.of(event(new InspectorBound("insp-2", "王芳", "FULL_TIME", "unit-k", "zjg-jinfeng",
                Instant.parse("2026-11-10T00:00:00Z"), "admin"))), space);
        assertThat(figures.staffingGaps(space, "zjg-jinfeng")).isEmpty();
        assertThat(mongo.findById("insp-2", Document.class, space.collection(GridProjector.INSPECTORS)))
                .containsEntry("name", "王芳");
    }

    @Test
    void aClusterKeepsItsLatestAssessment() {
        Instant early = Instant.parse("2026-11-01T00:00:00Z");
        Instant late = Instant.parse("2026-11-08T00:00:00Z");
        projector.apply(List.of(
                event(new ClusterAssessed("c-1", "est-1", "zjg-jinfeng", true, List.of(), late, "a", 10, 8, true))),
                space);
        projector.apply(List.of(
                event(new ClusterAssessed("c-1", "est-2", "zjg-jinfeng", false, List.of("i"), early, "a", 10, 5,
                        false)),
                event(new ClusterAssessed("c-2", "est-5", "zjg-jinfeng", false, List.of("i"), early, "a", 4, 1,
                        false))), space);

        Document clusters = mongo.findById("town:zjg-jinfeng", Document.class, space.collection(GridProjector.CLUSTERS))
                .get("clusters", Document.class);
        assertThat(clusters.get("c-1", Document.class)).containsEntry("passingMembers", 8)
                .containsEntry("standardised", true);
        assertThat(clusters.get("c-2", Document.class)).containsEntry("standardised", false);
        assertThat(Map.copyOf(clusters)).hasSize(2);
    }

    @Test
    void aClusterCountsFromItsRegistrationAndTheLatestSignOffOrChangeWins() {
        Instant t0 = Instant.parse("2026-11-01T00:00:00Z");
        projector.apply(List.of(event(new ClusterChanged("c-9", "锦丰镇冶金集聚区", "zjg-jinfeng", "CREATED", null,
                List.of("est-1", "est-2", "est-3", "est-4"), 4, 0, false, "town-officer", t0))), space);
        Document c9 = cluster("c-9");
        assertThat(c9).as("registered, not assessed yet: a cluster of the 双七十 denominator")
                .containsEntry("members", 4).containsEntry("passingMembers", 0).containsEntry("standardised", false);

        // assessed on day 2 but signed off on day 5, after an assessment of day 3 signed off on day 3
        projector.apply(List.of(
                event(new ClusterAssessed("c-9", "est-1", "zjg-jinfeng", true, List.of(), t0.plusSeconds(86_400 * 2),
                        "a", 4, 3, true, "as-1", "town-officer", t0.plusSeconds(86_400 * 5))),
                event(new ClusterAssessed("c-9", "est-2", "zjg-jinfeng", true, List.of(), t0.plusSeconds(86_400 * 3),
                        "a", 4, 2, false, "as-2", "town-officer", t0.plusSeconds(86_400 * 3)))), space);
        assertThat(cluster("c-9")).as("the later sign-off holds the cluster's latest counts")
                .containsEntry("passingMembers", 3).containsEntry("standardised", true);

        // a member added on day 6 (the new one not passing yet): 3 of 5; a stale registration changes nothing
        projector.apply(List.of(event(new ClusterChanged("c-9", "锦丰镇冶金集聚区", "zjg-jinfeng", "MEMBER_ADDED",
                        "est-5", List.of("est-1", "est-2", "est-3", "est-4", "est-5"), 5, 3, false, "town-officer",
                        t0.plusSeconds(86_400 * 6))),
                event(new ClusterChanged("c-9", "锦丰镇冶金集聚区", "zjg-jinfeng", "CREATED", null,
                        List.of("est-1", "est-2", "est-3", "est-4"), 4, 0, false, "town-officer", t0))), space);
        assertThat(cluster("c-9")).containsEntry("members", 5).containsEntry("passingMembers", 3)
                .containsEntry("standardised", false);
    }

    private Document cluster(String id) {
        return mongo.findById("town:zjg-jinfeng", Document.class, space.collection(GridProjector.CLUSTERS))
                .get("clusters", Document.class).get(id, Document.class);
    }
}
