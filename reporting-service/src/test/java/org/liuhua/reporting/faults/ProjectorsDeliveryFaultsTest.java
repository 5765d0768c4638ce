package org.liuhua.reporting.faults;

import java.lang.reflect.Constructor;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.liuhua.events.EventType;
import org.liuhua.events.EventTypes;
import org.liuhua.events.grid.ClusterAssessed;
import org.liuhua.events.grid.ClusterChanged;
import org.liuhua.events.grid.EstablishmentChanged;
import org.liuhua.events.grid.EstablishmentRegistered;
import org.liuhua.events.grid.EstablishmentSnapshot;
import org.liuhua.events.grid.InspectorBound;
import org.liuhua.events.grid.InspectorUnbound;
import org.liuhua.events.grid.PatrolCompleted;
import org.liuhua.events.grid.PatrolUnitChanged;
import org.liuhua.events.grid.RegionChanged;
import org.liuhua.events.hazard.InterviewRecorded;
import org.liuhua.events.manual.ChecklistRunCompleted;
import org.liuhua.events.manual.HandbookAdopted;
import org.liuhua.events.manual.HandbookCompletenessChanged;
import org.liuhua.events.manual.HandbookReviewDue;
import org.liuhua.events.manual.HandbookRevised;
import org.liuhua.events.training.DrillHeld;
import org.liuhua.events.training.SessionHeld;
import org.liuhua.events.training.TownRatesComputed;
import org.liuhua.kit.test.DeliveryOrders;
import org.liuhua.kit.test.MongoStandIn;
import org.liuhua.kit.time.CityCalendar;
import org.liuhua.reporting.ProjectorTestSupport;
import org.liuhua.reporting.establishments.InterviewsProjector;
import org.liuhua.reporting.grid.GridProjector;
import org.liuhua.reporting.handbooks.HandbooksProjector;
import org.liuhua.reporting.hazards.HazardProjector;
import org.liuhua.reporting.names.NamesProjector;
import org.liuhua.reporting.projection.ProjectionSpace;
import org.liuhua.reporting.projection.Projector;
import org.liuhua.reporting.training.TrainingProjector;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fault matrix, service level: every event type reporting-service's projectors read besides the hazard lifecycle
 * (held to the same in {@code hazards.ProjectorDeliveryFaultsTest}) — the grid's register, patrols, staffing and
 * clusters, the region names, the training figures, the handbook and checklist figures and the warning interviews —
 * delivered each twice, out of order and both, in batches of three as the projection runtime polls them, leaves every
 * collection the projector writes as a clean in-order delivery leaves it. Each delivery writes to a database of its
 * own.
 *
 * <p>These projectors build their router per batch, so the types they read are found by probing: every event type of
 * the event contracts on the projector's topics is applied once with unreadable data; a type the projector reads fails
 * the batch, one it ignores does not. Each sequence must cover exactly the types read, and every projector of the
 * service must have a sequence here or in the hazards test — so a newly read type, or a new projector, without a
 * delivery test fails this test.
 */
class ProjectorsDeliveryFaultsTest {

    private static final Instant T0 = Instant.parse("2026-11-03T01:30:00Z");
    private static final int BATCH = 3;
    private static final MongoClient CLIENT = MongoClients.create(MongoStandIn.uri("projectors-faults"));
    /**
     * The ledgers of applied counter moves: which moves they name depends on the order (a stale snapshot moves
     * nothing and is not entered); the counters they guard are compared.
     */
    private static final Set<String> LEDGERS = Set.of(GridProjector.COUNT_MOVES, HandbooksProjector.COUNT_MOVES);

    private static List<Class<?>> payloads;

    private final ProjectionSpace space = new ProjectionSpace(1);
    private final Map<String, MongoTemplate> databases = new HashMap<>();
    private final Map<String, List<CloudEvent>> pending = new HashMap<>();

    @Test
    void everyProjectorOfTheServiceHasADeliveryFaultTest() {
        ClassPathScanningCandidateComponentProvider scan = new ClassPathScanningCandidateComponentProvider(false);
        scan.addIncludeFilter(new AssignableTypeFilter(Projector.class));
        Set<String> projectors = new TreeSet<>();
        for (BeanDefinition found : scan.findCandidateComponents("org.liuhua.reporting")) {
            projectors.add(found.getBeanClassName());
        }
        assertThat(projectors).containsExactlyInAnyOrder(GridProjector.class.getName(),
                NamesProjector.class.getName(), TrainingProjector.class.getName(),
                HandbooksProjector.class.getName(), InterviewsProjector.class.getName(),
                HazardProjector.class.getName());
    }

    @Test
    void gridEventsTolerateDuplicateAndOutOfOrderDelivery() {
        check(GridProjector.class, ProjectorsDeliveryFaultsTest::grid);
    }

    @Test
    void regionNamesTolerateDuplicateAndOutOfOrderDelivery() {
        check(NamesProjector.class, ProjectorsDeliveryFaultsTest::regions);
    }

    @Test
    void trainingEventsTolerateDuplicateAndOutOfOrderDelivery() {
        check(TrainingProjector.class, ProjectorsDeliveryFaultsTest::training);
    }

    @Test
    void handbookAndChecklistEventsTolerateDuplicateAndOutOfOrderDelivery() {
        check(HandbooksProjector.class, ProjectorsDeliveryFaultsTest::handbooks);
    }

    @Test
    void interviewsTolerateDuplicateAndOutOfOrderDelivery() {
        check(InterviewsProjector.class, ProjectorsDeliveryFaultsTest::interviews);
    }

    // ---------------------------------------------------------------- the machinery

    private <P extends Projector> void check(Class<P> type, Function<String, List<CloudEvent>> sequence) {
        assertThat(DeliveryOrders.typesOf(sequence.apply("coverage")))
                .as("the sequence of %s covers exactly the types it reads", type.getSimpleName())
                .isEqualTo(readTypes(type));
        DeliveryOrders.assertSameState(run -> {
            databases.put(run, new MongoTemplate(CLIENT, "projectors-faults-" + run));
            return named(run, sequence.apply(run));
        }, this::deliver, run -> state(type, run));
    }

    /** The event types of the projector's topics whose unreadable data fails a batch: the types it reads. */
    private <P extends Projector> Set<String> readTypes(Class<P> type) {
        MongoTemplate probe = new MongoTemplate(CLIENT, "projectors-faults-probe-" + type.getSimpleName());
        P projector = projector(type, probe);
        Set<String> read = new TreeSet<>();
        for (Class<?> payload : eventPayloads()) {
            if (!projector.topics().contains(EventTypes.topicOf(payload))) {
                continue;
            }
            CloudEvent unreadable = CloudEventBuilder.v1().withId("probe").withType(EventTypes.typeOf(payload))
                    .withSource(URI.create("/probe")).withData("{not json".getBytes(StandardCharsets.UTF_8)).build();
            try {
                projector.apply(List.of(unreadable), space);
            } catch (RuntimeException readAndFailed) {
                read.add(EventTypes.typeOf(payload));
            }
        }
        assertThat(probe.getCollectionNames()).as("an ignored type writes nothing").isEmpty();
        return read;
    }

    private static synchronized List<Class<?>> eventPayloads() {
        if (payloads != null) {
            return payloads;
        }
        ClassPathScanningCandidateComponentProvider scan = new ClassPathScanningCandidateComponentProvider(false);
        scan.addIncludeFilter(new AnnotationTypeFilter(EventType.class));
        List<Class<?>> found = new ArrayList<>();
        for (BeanDefinition candidate : scan.findCandidateComponents("org.liuhua.events")) {
            try {
                found.add(Class.forName(candidate.getBeanClassName()));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        assertThat(found).as("the event contracts are on the class path").hasSizeGreaterThan(40);
        payloads = List.copyOf(found);
        return payloads;
    }

    private static <P extends Projector> P projector(Class<P> type, MongoTemplate mongo) {
        try {
            for (Constructor<?> c : type.getDeclaredConstructors()) {
                c.setAccessible(true);
                Class<?>[] parameters = c.getParameterTypes();
                if (parameters.length == 1 && parameters[0] == MongoTemplate.class) {
                    return type.cast(c.newInstance(mongo));
                }
                if (parameters.length == 2 && parameters[0] == MongoTemplate.class
                        && parameters[1] == CityCalendar.class) {
                    return type.cast(c.newInstance(mongo, ProjectorTestSupport.CALENDAR));
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("no (MongoTemplate[, CityCalendar]) constructor on " + type);
    }

    /** Event ids name the run and the position, so redeliveries carry the same id and runs do not share any. */
    private static List<CloudEvent> named(String run, List<CloudEvent> events) {
        List<CloudEvent> named = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            named.add(CloudEventBuilder.v1(events.get(i)).withId(run + "/" + i).build());
        }
        return named;
    }

    private void deliver(CloudEvent event) {
        String run = event.getId().substring(0, event.getId().indexOf('/'));
        pending.computeIfAbsent(run, r -> new ArrayList<>()).add(event);
    }

    private <P extends Projector> Map<String, Object> state(Class<P> type, String run) {
        MongoTemplate mongo = databases.remove(run);
        P projector = projector(type, mongo);
        List<CloudEvent> delivered = pending.remove(run);
        for (int i = 0; i < delivered.size(); i += BATCH) {
            projector.apply(delivered.subList(i, Math.min(delivered.size(), i + BATCH)), space);
        }
        Map<String, Object> state = new TreeMap<>();
        for (String collection : mongo.getCollectionNames()) {
            if (LEDGERS.stream().anyMatch(l -> collection.equals(space.collection(l)))) {
                continue;
            }
            List<Document> documents = new ArrayList<>(mongo.findAll(Document.class, collection));
            documents.sort(Comparator.comparing(d -> String.valueOf(d.get("_id"))));
            List<Object> canonical = documents.stream().map(ProjectorsDeliveryFaultsTest::canonical)
                    .filter(d -> !(d instanceof Map<?, ?> m && m.size() == 1 && m.containsKey("_id"))).toList();
            if (!canonical.isEmpty()) {
                state.put(collection, canonical);
            }
        }
        assertThat(state).as("%s wrote its collections", type.getSimpleName()).isNotEmpty();
        return state;
    }

    /**
     * A document with sorted keys, without zero counts (a count that went up and down again may be stored as 0 or not
     * at all, depending on the order) and with its lists of plain values as sets (they are {@code $addToSet} sets,
     * whose order is the order of arrival).
     */
    private static Object canonical(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> {
                if (!(v instanceof Number n && n.doubleValue() == 0)) {
                    sorted.put(String.valueOf(k), canonical(v));
                }
            });
            return sorted;
        }
        if (value instanceof List<?> list) {
            List<Object> items = list.stream().map(ProjectorsDeliveryFaultsTest::canonical).toList();
            return items.stream().allMatch(i -> i instanceof String) ? new TreeSet<>(list) : items;
        }
        return value instanceof java.util.Date d ? d.toInstant().toString() : value;
    }

    private static CloudEvent event(Object payload) {
        return ProjectorTestSupport.event("unnamed", payload);
    }

    private static Instant at(long hours) {
        return T0.plusSeconds(hours * 3600);
    }

    // ---------------------------------------------------------------- the sequences (in their natural order)

    /**
     * Two establishments of Jinfeng, one changing its risk and then moving to Leyu; a key patrol unit renamed; an
     * inspector bound, moved to a unit of Leyu; patrols in both towns; a cluster registered, assessed twice (the
     * first assessment signed off after the second) and given a member.
     */
    private static List<CloudEvent> grid(String run) {
        String e1 = "est-" + run + "-1";
        String e2 = "est-" + run + "-2";
        String unitA = "unit-" + run + "-jf1";
        String unitB = "unit-" + run + "-ly1";
        String inspector = "insp-" + run + "-1";
        String cluster = "cluster-" + run + "-1";
        List<CloudEvent> events = new ArrayList<>();
        events.add(event(new PatrolUnitChanged(unitA, "锦丰镇第一巡查组", "KEY", "grid-jf-01", "vil-jf-01",
                "zjg-jinfeng", at(0), 1)));
        events.add(event(new PatrolUnitChanged(unitB, "乐余镇第一巡查组", "KEY", "grid-ly-01", "vil-ly-01",
                "zjg-leyu", at(0), 1)));
        events.add(event(new EstablishmentRegistered(establishment(e1, "张家港市锦丰金属制品有限公司", "zjg-jinfeng",
                "INDUSTRIAL", "METALLURGY", "GENERAL", unitA, cluster, 1))));
        events.add(event(new EstablishmentRegistered(establishment(e2, "锦丰镇东港小餐馆", "zjg-jinfeng",
                "SMALL_VENUE", "CATERING", "LOW", unitA, null, 1))));
        events.add(event(new InspectorBound(inspector, "陈建国", "FULL_TIME", unitA, "zjg-jinfeng", at(1),
                "town-officer")));
        events.add(event(new PatrolCompleted("patrol-" + run + "-1", inspector, unitA, "zjg-jinfeng", at(2),
                at(4), List.of(e1, e2), List.of(), 2)));
        events.add(event(new EstablishmentChanged(establishment(e1, "张家港市锦丰金属制品有限公司", "zjg-jinfeng",
                "INDUSTRIAL", "METALLURGY", "MAJOR", unitA, cluster, 2))));
        events.add(event(new ClusterChanged(cluster, "锦丰镇金属制品集聚区", "zjg-jinfeng", "CREATED", null,
                List.of(e1, "est-" + run + "-3", "est-" + run + "-4"), 6, 0, false, "town-officer", at(3))));
        events.add(event(new ClusterAssessed(cluster, e1, "zjg-jinfeng", false, List.of("消防通道堵塞"), at(5),
                "insp-jf", 6, 3, false, "a-" + run + "-1", "town-officer", at(5))));
        events.add(event(new PatrolUnitChanged(unitA, "锦丰镇重点企业巡查组", "KEY", "grid-jf-01", "vil-jf-01",
                "zjg-jinfeng", at(6), 2)));
        events.add(event(new InspectorUnbound(inspector, unitA, "zjg-jinfeng", at(24), "town-officer")));
        events.add(event(new InspectorBound(inspector, "陈建国", "FULL_TIME", unitB, "zjg-leyu", at(25),
                "town-officer")));
        events.add(event(new EstablishmentChanged(establishment(e1, "张家港市锦丰金属制品有限公司", "zjg-leyu",
                "KEY_SECTOR", "METALLURGY", "MAJOR", unitB, cluster, 3))));
        // assessed before the first one's sign-off was read, signed off after it: its counts are the cluster's
        events.add(event(new ClusterAssessed(cluster, e2, "zjg-jinfeng", true, List.of(), at(4), "insp-jf", 6, 5,
                true, "a-" + run + "-2", "town-officer", at(26))));
        events.add(event(new ClusterChanged(cluster, "锦丰镇金属制品集聚区", "zjg-jinfeng", "MEMBER_ADDED",
                "est-" + run + "-5", List.of(e1, "est-" + run + "-3", "est-" + run + "-4", "est-" + run + "-5"), 7,
                5, true, "town-officer", at(28))));
        events.add(event(new PatrolCompleted("patrol-" + run + "-2", inspector, unitB, "zjg-leyu", at(27), at(29),
                List.of(e1), List.of(e2), 0)));
        return events;
    }

    private static EstablishmentSnapshot establishment(String id, String name, String town, String kind,
                                                       String industry, String risk, String unit, String cluster,
                                                       long revision) {
        return new EstablishmentSnapshot(id, name, kind, industry, "dept-emergency", town, "vil-" + town, "grid-"
                + town, unit, risk, List.of("HAZARDOUS_CHEMICALS"), 35, "张家港市" + town + "港丰路88号", 31.94,
                120.62, null, cluster, at(revision), revision);
    }

    /** A town and a village of it, the village renamed. */
    private static List<CloudEvent> regions(String run) {
        String town = "town-" + run;
        String village = "vil-" + run;
        return List.of(
                event(new RegionChanged(town, "TOWN", "TOWN", "锦丰镇", "zjg", town, at(0), 1)),
                event(new RegionChanged(village, "VILLAGE", "VILLAGE", "光明村", town, town, at(1), 1)),
                event(new RegionChanged(village, "VILLAGE", "COMMUNITY", "光明社区", town, town, at(30), 2)),
                event(new RegionChanged(town, "TOWN", "TOWN", "锦丰镇（江苏扬子江国际冶金工业园）", "zjg", town, at(31),
                        2)));
    }

    /** Sessions and a drill of two establishments of one town, and the town's rates computed twice. */
    private static List<CloudEvent> training(String run) {
        String town = "town-" + run;
        String e1 = "est-" + run + "-1";
        String e2 = "est-" + run + "-2";
        LocalDate day = LocalDate.of(2026, 11, 3);
        return List.of(
                event(new SessionHeld("session-" + run + "-1", e1, town, "SHIFT_BRIEFING", day, "2026-11", 18,
                        "SAFETY_OFFICER", at(1))),
                event(new SessionHeld("session-" + run + "-2", e2, town, "QUARTERLY_LECTURE", day.plusDays(1),
                        "2026-11", 42, "PRINCIPAL", at(25))),
                event(rates(town, 2, 1, 1, at(26))),
                event(new DrillHeld("drill-" + run + "-1", e1, town, "FIRE_EVACUATION", day.plusDays(2), "2026-11",
                        30, List.of(), true, at(49))),
                event(new SessionHeld("session-" + run + "-3", e1, town, "SHIFT_BRIEFING", day.plusDays(3),
                        "2026-11", 17, "SAFETY_OFFICER", at(73))),
                event(rates(town, 2, 2, 1, at(74))));
    }

    private static TownRatesComputed rates(String town, int establishments, long briefings, long lectures,
                                           Instant computedAt) {
        return new TownRatesComputed(town, "2026-11", establishments, briefings, establishments,
                (double) briefings / establishments, lectures, establishments, (double) lectures / establishments,
                5, 6, 5 / 6.0, 20, 60, 20 / 60.0, 18 * briefings + 42 * lectures, 800, computedAt);
    }

    /**
     * An establishment adopting a template and its newer version, its completeness improving, a review reminder
     * answered by a review, a rule revision and self-checks; a second establishment with a reminder left unanswered.
     */
    private static List<CloudEvent> handbooks(String run) {
        String town = "town-" + run;
        String e1 = "est-" + run + "-1";
        String e2 = "est-" + run + "-2";
        return List.of(
                event(new HandbookAdopted(e1, town, "dept-emergency", "METALLURGY", "tpl-" + run, "MET-001",
                        "POST_CARDS", 1, null, "officer-1", at(0))),
                event(new HandbookCompletenessChanged(e1, town, "dept-emergency", "METALLURGY", 6, 3,
                        List.of("行车工", "电焊工", "天车司机"), false, 1, 0, at(1))),
                event(new ChecklistRunCompleted("run-" + run + "-1", e1, town, "dept-emergency",
                        HandbooksProjector.SELF_CHECK, 24, 21, 3, 1, "2026-11", "officer-1", at(2))),
                event(new HandbookAdopted(e1, town, "dept-emergency", "METALLURGY", "tpl-" + run, "MET-001",
                        "POST_CARDS", 2, 1, "officer-1", at(24))),
                event(new HandbookCompletenessChanged(e1, town, "dept-emergency", "METALLURGY", 6, 6, List.of(),
                        true, 1, 0, at(25))),
                event(new HandbookReviewDue(e1, town, "dept-emergency", LocalDate.of(2026, 11, 10), false, at(26))),
                event(new HandbookReviewDue(e2, town, "dept-emergency", LocalDate.of(2026, 11, 1), true, at(26))),
                event(new HandbookRevised(e1, town, "dept-emergency", "REVIEW", "review-" + run, "2026-11",
                        "officer-1", at(30))),
                event(new HandbookRevised(e1, town, "dept-emergency", "RULE", "rule-" + run, "2026-11",
                        "officer-1", at(31))),
                event(new ChecklistRunCompleted("run-" + run + "-2", e2, town, "dept-emergency", "INSPECTION", 18,
                        18, 0, 0, "2026-11", "insp-1", at(32))));
    }

    /** Warning interviews of two establishments, one interviewed twice. */
    private static List<CloudEvent> interviews(String run) {
        String town = "town-" + run;
        String e1 = "est-" + run + "-1";
        String e2 = "est-" + run + "-2";
        return List.of(
                event(new InterviewRecorded("iv-" + run + "-1", e1, "张家港市锦丰金属制品有限公司", town, "dept-emergency",
                        LocalDate.of(2026, 11, 4), "2026-11", "重大隐患逾期未整改", List.of("王海", "李明"),
                        List.of("hz-" + run + "-1"), "town-officer", at(30))),
                event(new InterviewRecorded("iv-" + run + "-2", e2, "锦丰镇东港小餐馆", town, "dept-emergency",
                        LocalDate.of(2026, 11, 5), "2026-11", "燃气安全隐患反复出现", List.of("赵强"), List.of(),
                        "town-officer", at(54))),
                event(new InterviewRecorded("iv-" + run + "-3", e1, "张家港市锦丰金属制品有限公司", town, "dept-emergency",
                        LocalDate.of(2026, 12, 2), "2026-12", "复查仍未整改到位", List.of("王海"),
                        List.of("hz-" + run + "-1", "hz-" + run + "-2"), "town-officer", at(700))));
    }
}
