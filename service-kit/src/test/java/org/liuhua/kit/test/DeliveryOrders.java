package org.liuhua.kit.test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.WeakHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import org.liuhua.events.EventTypes;
import org.liuhua.kit.messaging.EventRouter;
import org.liuhua.kit.outbox.EventJson;
import org.springframework.beans.BeansException;
import org.springframework.context.ApplicationContext;
import org.springframework.test.util.AopTestUtils;
import org.springframework.util.ReflectionUtils;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The delivery faults a consumer must tolerate (at-least-once delivery, several partitions, a retried record): every
 * event twice, the events in another order, both at once. {@link #assertSameState} runs a consumer over a clean
 * in-order single delivery and over each faulty delivery of the same sequence and compares the resulting state.
 *
 * <p>Each delivery gets a sequence of its own (the factory is called with a fresh run id that the test puts into every
 * aggregate id), so the deliveries do not see each other's effects; the state function reads the documents of one run
 * and the run id is replaced by {@code <run>} before the states are compared field by field (as JSON).
 */
public final class DeliveryOrders {

    /** The seeds every consumer test shuffles with (several, so one lucky order does not hide a defect). */
    public static final long[] SEEDS = {7L, 42L, 1_000_003L};

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    private static final Map<ApplicationContext, Map<String, EventRouter>> ROUTERS =
            Collections.synchronizedMap(new WeakHashMap<>());

    private DeliveryOrders() {
    }

    /** Every event twice, the copy right after the original (a redelivery after a lost commit). */
    public static <T> List<T> duplicated(List<T> events) {
        List<T> twice = new ArrayList<>(events.size() * 2);
        for (T e : events) {
            twice.add(e);
            twice.add(e);
        }
        return twice;
    }

    /** The events in an order given by the seed. */
    public static <T> List<T> shuffled(List<T> events, long seed) {
        List<T> order = new ArrayList<>(events);
        Collections.shuffle(order, new Random(seed));
        return order;
    }

    /** Every event twice, all in an order given by the seed (copies may come before originals' neighbours). */
    public static <T> List<T> duplicatedAndShuffled(List<T> events, long seed) {
        return shuffled(duplicated(events), seed);
    }

    /** A CloudEvent as a producing service's relay writes it (binary mode, JSON payload, type from the record). */
    public static CloudEvent event(String source, String subject, Object payload) {
        return CloudEventBuilder.v1().withId(UUID.randomUUID().toString())
                .withType(EventTypes.typeOf(payload.getClass())).withSource(URI.create("/" + source))
                .withSubject(subject).withTime(Instant.now().atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(EventJson.write(payload).getBytes(StandardCharsets.UTF_8)).build();
    }

    /**
     * Every {@link EventRouter} the application's beans hold (a listener keeps its router in a field), by bean name:
     * a test enumerates the consumed types from it, so a newly routed type without a delivery test fails that test.
     */
    public static Map<String, EventRouter> routers(ApplicationContext context) {
        return ROUTERS.computeIfAbsent(context, DeliveryOrders::findRouters);
    }

    private static Map<String, EventRouter> findRouters(ApplicationContext context) {
        Map<String, EventRouter> routers = new TreeMap<>();
        for (String name : context.getBeanDefinitionNames()) {
            Object bean;
            try {
                bean = AopTestUtils.getUltimateTargetObject(context.getBean(name));
            } catch (BeansException notABean) {
                continue;
            }
            for (Class<?> c = bean.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
                if (!c.getName().startsWith("org.liuhua.")) {
                    break;
                }
                for (Field field : c.getDeclaredFields()) {
                    if (field.getType() == EventRouter.class && !Modifier.isStatic(field.getModifiers())) {
                        ReflectionUtils.makeAccessible(field);
                        routers.put(name, (EventRouter) ReflectionUtils.getField(field, bean));
                    }
                }
            }
        }
        return routers;
    }

    /** The event types all routers of the application handle. */
    public static Set<String> routedTypes(ApplicationContext context) {
        Set<String> types = new TreeSet<>();
        routers(context).values().forEach(r -> types.addAll(r.types()));
        return types;
    }

    /** Delivers an event to every router of the application (as each listener's own consumer group would). */
    public static Consumer<CloudEvent> toEveryRouter(ApplicationContext context) {
        Collection<EventRouter> all = routers(context).values();
        return event -> all.forEach(r -> r.route(event));
    }

    /** The distinct types of a sequence. */
    public static Set<String> typesOf(Collection<CloudEvent> events) {
        Set<String> types = new TreeSet<>();
        events.forEach(e -> types.add(e.getType()));
        return types;
    }

    /**
     * Delivers {@code sequence(runId)} cleanly (in order, once), then duplicated, shuffled with each of {@link #SEEDS}
     * and duplicated and shuffled with the first seed, each with a fresh run id, and asserts each faulty delivery
     * leaves the state the clean one left.
     *
     * @param sequence the consumed events of one run, in their natural order, ids built from the run id
     * @param deliver  the consumer's entry point (the listener's {@code on(CloudEvent)} or the router)
     * @param state    the state of one run (documents, API answers), serialized as JSON for the comparison
     * @return how many deliveries were compared (for a log line)
     */
    public static int assertSameState(Function<String, List<CloudEvent>> sequence, Consumer<CloudEvent> deliver,
                                      Function<String, Object> state) {
        String cleanRun = run();
        sequence.apply(cleanRun).forEach(deliver);
        String expected = normalized(state.apply(cleanRun), cleanRun);
        int compared = 0;
        List<Fault> faults = new ArrayList<>();
        faults.add(new Fault("each event twice", DeliveryOrders::duplicated));
        for (long seed : SEEDS) {
            faults.add(new Fault("shuffled, seed " + seed, events -> shuffled(events, seed)));
        }
        faults.add(new Fault("twice and shuffled, seed " + SEEDS[0],
                events -> duplicatedAndShuffled(events, SEEDS[0])));
        for (Fault fault : faults) {
            String run = run();
            List<CloudEvent> events = sequence.apply(run);
            fault.order().apply(events).forEach(deliver);
            assertThat(normalized(state.apply(run), run)).as("state after %s (clean delivery: %s)", fault.name(),
                    cleanRun).isEqualTo(expected);
            compared++;
        }
        return compared;
    }

    private static String run() {
        return "r" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    private static String normalized(Object state, String run) {
        return JSON.writeValueAsString(state).replace(run, "<run>");
    }

    private record Fault(String name, Function<List<CloudEvent>, List<CloudEvent>> order) {
    }
}
