package org.liuhua.kit.outbox;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Tells the relay of this process which documents just got events, so it publishes them at once, reading each by
 * {@code _id}, instead of finding them with a scan of the collection on its next sweep (ADR 11). A hint is only a
 * shortcut: a hint that is lost (queue full, the relay is not the lease holder, another process wrote) is picked up
 * by the relay's periodic sweep, so correctness never depends on it.
 *
 * <p>There is one instance per store ({@link MongoTemplate}, compared by identity), so writers that only know their
 * template ({@link org.liuhua.kit.store.AggregateStore}, the audit recorder) and the relay of the same application
 * meet without wiring, also when several applications share one JVM (tests).
 */
public final class OutboxHints {

    /** Hints waiting beyond this are dropped (the sweep finds their documents). */
    static final int CAPACITY = 10_000;

    private static final Map<MongoTemplate, OutboxHints> BY_STORE = Collections.synchronizedMap(new WeakHashMap<>());

    private final LinkedBlockingQueue<Hint> queue = new LinkedBlockingQueue<>(CAPACITY);
    private final java.util.concurrent.atomic.AtomicBoolean dropped = new java.util.concurrent.atomic.AtomicBoolean();
    /** Documents whose send failed, hinted again when their delay has passed. */
    private final java.util.concurrent.DelayQueue<Later> later = new java.util.concurrent.DelayQueue<>();

    private OutboxHints() {
    }

    /** The hints of the given store. */
    public static OutboxHints of(MongoTemplate store) {
        return BY_STORE.computeIfAbsent(store, s -> new OutboxHints());
    }

    /** A document of {@code collection} with id {@code id} was written with new events in its outbox. */
    public void committed(String collection, Object id) {
        if (!queue.offer(new Hint(collection, id))) {
            dropped.set(true);
        }
    }

    /**
     * The document's events could not be published now: hint it again after {@code delay} (the relay retries it by
     * {@code _id}, with no sweep of the collection).
     */
    void retryLater(String collection, Object id, java.time.Duration delay) {
        later.add(new Later(new Hint(collection, id), System.nanoTime() + delay.toNanos()));
    }

    /** Whether a hint was dropped (queue full) since the last call: the relay then sweeps soon. */
    boolean takeDropped() {
        return dropped.getAndSet(false);
    }

    /** Waits up to {@code timeoutNanos} for a first hint, then takes up to {@code max} in all (empty: none came). */
    List<Hint> take(long timeoutNanos, int max) throws InterruptedException {
        List<Later> due = new java.util.ArrayList<>();
        later.drainTo(due);
        due.forEach(d -> committed(d.hint().collection(), d.hint().id()));
        Later next = later.peek();
        long wait = next == null ? timeoutNanos : Math.min(timeoutNanos, next.getDelay(TimeUnit.NANOSECONDS));
        Hint first = queue.poll(Math.max(0, wait), TimeUnit.NANOSECONDS);
        if (first == null) {
            return List.of();
        }
        java.util.ArrayList<Hint> hints = new java.util.ArrayList<>();
        hints.add(first);
        queue.drainTo(hints, max - 1);
        return hints;
    }

    /** Wakes a relay waiting for hints (it is stopping). */
    void wake() {
        queue.offer(new Hint("", ""));
    }

    /** Drops every waiting hint (a relay that does not hold the lease: the holder's sweep publishes them). */
    void clear() {
        queue.clear();
    }

    record Hint(String collection, Object id) {
    }

    private record Later(Hint hint, long dueNanos) implements java.util.concurrent.Delayed {
        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(java.util.concurrent.Delayed other) {
            return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
        }
    }
}
