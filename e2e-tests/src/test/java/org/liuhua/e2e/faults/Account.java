package org.liuhua.e2e.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

import org.liuhua.e2e.RunningPlatform;
import org.liuhua.e2e.faults.TopicWindow.Published;
import org.liuhua.e2e.faults.Writer.Attempt;
import org.liuhua.e2e.faults.Writer.Outcome;
import org.liuhua.events.Topics;
import org.liuhua.kit.test.TestHttp;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three accounts of one kind of write compared after a fault: what the clients were told (acknowledged, refused,
 * in doubt), what the service published (its topic, read independently) and what reporting-service counts. Nothing
 * lost: every acknowledged write is in its service and on the topic; nothing applied twice: reporting's figure moved
 * by exactly the number of distinct writes published, and no write was published that no client sent; the same
 * figures as a clean run: that number is the acknowledged writes plus those in doubt that were in fact stored.
 */
final class Account {

    /**
     * One kind of write and where it is counted.
     *
     * @param name      for messages
     * @param topic     the owning service's topic
     * @param belongs   the published events of this kind that the fault's writes caused
     * @param writeId   the id of the written object in such an event, compared with the id the service answered
     *                  (null for writes answered without an id of their own: then the counts are compared)
     * @param figure    the reporting-service figure (from the city's overview) that counts these writes
     * @param presence  the path at the owning service that answers 200 for an acknowledged write's id (or null)
     */
    record Kind(String name, String service, String topic, Predicate<Published> belongs,
                Function<Published, String> writeId, ToLongFunction<JsonNode> figure, Function<String, String> presence) {
    }

    /** The outcome of one kind's comparison. */
    record Result(String kind, long acknowledged, long inDoubt, long published, long duplicatesOnTopic, long delta) {
        @Override
        public String toString() {
            return kind + ": " + acknowledged + " acknowledged, " + inDoubt + " in doubt, " + published
                    + " published (" + duplicatesOnTopic + " sent twice), reporting +" + delta;
        }
    }

    static Kind hazards(String prefix) {
        return new Kind("hazards " + prefix, "hazard-service", Topics.HAZARD,
                p -> "liuhua.hazard.reported.v1".equals(p.type()) && text(p.data(), "establishmentId").startsWith(prefix),
                p -> text(p.data(), "hazardId"),
                overview -> overview.get("hazards").get("total").asLong(),
                id -> "/api/v1/hazards/" + id);
    }

    static Kind establishments(String prefix) {
        return new Kind("establishments " + prefix, "grid-service", Topics.GRID,
                p -> "liuhua.grid.establishment-registered.v1".equals(p.type())
                        && text(p.data(), "establishmentId").startsWith(prefix),
                p -> text(p.data(), "establishmentId"),
                overview -> overview.get("sections").get("grid").get("establishments").asLong(),
                id -> "/api/v1/establishments/" + id);
    }

    static Kind drills(String establishmentId) {
        return new Kind("drills at " + establishmentId, "training-service", Topics.TRAINING,
                p -> "liuhua.training.drill-held.v1".equals(p.type())
                        && establishmentId.equals(text(p.data(), "establishmentId")),
                p -> text(p.data(), "drillId"),
                overview -> overview.get("sections").get("training").get("drills").asLong(),
                id -> "/api/v1/training/drills/" + id);
    }

    static Kind reviews(String establishmentId) {
        return new Kind("handbook reviews at " + establishmentId, "manual-service", Topics.MANUAL,
                p -> "liuhua.manual.handbook-revised.v1".equals(p.type())
                        && establishmentId.equals(text(p.data(), "establishmentId"))
                        && "REVIEW".equals(text(p.data(), "revision")),
                null,
                overview -> overview.get("sections").get("handbooks").get("rulesRevised").asLong(),
                null);
    }

    private final Kind kind;
    private final TopicWindow window;
    private final long baseline;

    private Account(Kind kind, TopicWindow window, long baseline) {
        this.kind = kind;
        this.window = window;
        this.baseline = baseline;
    }

    /** Opens the account before the writes: the topic's end and reporting's figure now. */
    static Account open(Kind kind) {
        TopicWindow window = TopicWindow.open(RunningPlatform.get().kafka().bootstrapServers(), kind.topic());
        return new Account(kind, window, kind.figure().applyAsLong(overview()));
    }

    static JsonNode overview() {
        TestHttp.Response response = RunningPlatform.direct("reporting-service").get("/api/v1/stats/overview");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    Kind kind() {
        return kind;
    }

    /**
     * Waits until reporting-service's figure and the topic agree with the clients' account, then checks that they
     * stay so (nothing arrives twice later) and that every acknowledged write is in its service.
     */
    Result settle(List<Attempt> attempts, Duration timeout) {
        List<Attempt> acknowledged = attempts.stream().filter(a -> a.outcome() == Outcome.ACKNOWLEDGED).toList();
        Set<String> acknowledgedMarkers = acknowledged.stream().map(Attempt::marker).collect(Collectors.toSet());
        Set<String> inDoubt = attempts.stream().filter(a -> a.outcome() == Outcome.IN_DOUBT)
                .map(Attempt::marker).filter(m -> !acknowledgedMarkers.contains(m)).collect(Collectors.toSet());
        Set<String> acknowledgedIds = acknowledged.stream().map(Attempt::id).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        long acknowledgedCount = kind.writeId() == null ? acknowledged.size() : acknowledgedIds.size();

        AtomicReference<String> last = new AtomicReference<>("nothing read yet");
        long until = System.nanoTime() + timeout.toNanos();
        Snapshot snapshot = null;
        while (System.nanoTime() < until) {
            snapshot = snapshot();
            last.set(snapshot.toString());
            if (snapshot.delta == snapshot.distinct().size() && snapshot.distinct().size() >= acknowledgedCount
                    && (kind.writeId() == null || snapshot.writeIds().containsAll(acknowledgedIds))) {
                break;
            }
            Writer.sleep(500);
        }
        assertThat(snapshot).as("no answer from reporting-service").isNotNull();
        // held for a while: nothing arrives late, nothing is counted twice
        Writer.sleep(2000);
        Snapshot settled = snapshot();
        String story = kind.name() + " — clients: " + acknowledgedCount + " acknowledged, " + inDoubt.size()
                + " in doubt; " + settled + " (last while waiting: " + last.get() + ")";
        if (kind.writeId() != null) {
            assertThat(settled.writeIds()).as("every acknowledged write was published — " + story)
                    .containsAll(acknowledgedIds);
            Set<String> unexplained = new HashSet<>(settled.writeIds());
            unexplained.removeAll(acknowledgedIds);
            assertThat(unexplained.size()).as("published writes no client was told about are at most those in"
                    + " doubt — " + story).isLessThanOrEqualTo(inDoubt.size());
        } else {
            assertThat((long) settled.distinct().size()).as("every acknowledged write was published — " + story)
                    .isGreaterThanOrEqualTo(acknowledgedCount);
            assertThat((long) settled.distinct().size()).as("no more than were sent — " + story)
                    .isLessThanOrEqualTo(acknowledgedCount + inDoubt.size());
        }
        assertThat(settled.delta).as("reporting counts each published write exactly once — " + story)
                .isEqualTo(settled.distinct().size());
        if (kind.presence() != null) {
            TestHttp service = RunningPlatform.direct(kind.service());
            for (String id : acknowledgedIds) {
                TestHttp.Response found = service.get(kind.presence().apply(id));
                assertThat(found.status()).as(kind.service() + " has acknowledged " + id + ": " + found).isEqualTo(200);
            }
        }
        return new Result(kind.name(), acknowledgedCount, inDoubt.size(), settled.distinct().size(),
                settled.records() - settled.distinct().size(), settled.delta);
    }

    /** Every event of this kind published since the account opened (one entry per record, duplicates included). */
    List<Published> published() {
        return window.read(kind.belongs());
    }

    private record Snapshot(long delta, Map<String, Published> distinct, Set<String> writeIds, long records) {
        @Override
        public String toString() {
            return "topic: " + distinct.size() + " distinct events in " + records + " records; reporting +" + delta;
        }
    }

    private Snapshot snapshot() {
        long delta;
        try {
            delta = kind.figure().applyAsLong(overview()) - baseline;
        } catch (RuntimeException | AssertionError notAnswering) {
            delta = -1;
        }
        List<Published> records = published();
        Map<String, Published> distinct = new LinkedHashMap<>();
        records.forEach(p -> distinct.putIfAbsent(p.id(), p));
        Set<String> writeIds = kind.writeId() == null ? Set.of()
                : distinct.values().stream().map(kind.writeId()).collect(Collectors.toSet());
        return new Snapshot(delta, distinct, writeIds, records.size());
    }

    static String text(JsonNode data, String field) {
        JsonNode value = data == null ? null : data.get(field);
        return value == null || value.isNull() ? "" : value.asString();
    }

    /** Elapsed seconds since {@code started}, for the rows' timings. */
    static long seconds(Instant started) {
        return Duration.between(started, Instant.now()).toSeconds();
    }

    static List<Attempt> concat(List<List<Attempt>> lists) {
        List<Attempt> all = new ArrayList<>();
        lists.forEach(all::addAll);
        return all;
    }
}
