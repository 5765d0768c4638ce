package org.liuhua.platform.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the demo loader's parts, each once the parts it needs have finished, at most {@code parallelism} at a time
 * (they mostly talk to different services, so they overlap well on a small machine). Every part logs its wall time;
 * a failing part is logged as ERROR and named in {@link #failures()}. A failing essential part (the city itself)
 * skips the parts after it and fails {@link #await()}; another part's failure leaves the rest to load.
 */
final class DemoParts implements AutoCloseable {

    private final ExecutorService pool;
    private final long started = System.nanoTime();
    private final List<CompletableFuture<Void>> parts = new ArrayList<>();
    private final List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();

    DemoParts(int parallelism) {
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(parallelism, task -> {
            Thread thread = new Thread(task, "demo-part-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** A part the rest of the demo city builds on: its failure skips the parts that come after it. */
    CompletableFuture<Void> essential(String name, Runnable body, CompletableFuture<?>... after) {
        return add(name, true, body, after);
    }

    /** A part whose failure is reported and leaves the others to load. */
    CompletableFuture<Void> part(String name, Runnable body, CompletableFuture<?>... after) {
        return add(name, false, body, after);
    }

    private CompletableFuture<Void> add(String name, boolean essential, Runnable body, CompletableFuture<?>... after) {
        CompletableFuture<Void> part = CompletableFuture.allOf(after).handle((done, failedBefore) -> {
            if (failedBefore != null) {
                failures.add(name + " (skipped)");
                System.out.println("[liuhua] ERROR: demo part " + name + " skipped: a part it needs failed");
                throw failedBefore instanceof CompletionException c ? c : new CompletionException(failedBefore);
            }
            return done;
        }).thenRunAsync(() -> {
            long begin = System.nanoTime();
            try {
                body.run();
                System.out.printf("[liuhua] demo part %s: %.1f s (from +%.1f s)%n", name, seconds(begin),
                        (begin - started) / 1e9);
            } catch (RuntimeException e) {
                failures.add(name);
                System.out.printf("[liuhua] ERROR: demo part %s failed after %.1f s: %s%n", name, seconds(begin), e);
                if (essential) {
                    throw e;
                }
            }
        }, pool);
        parts.add(part);
        return part;
    }

    /** Waits for every part; fails with the first essential part's failure. */
    void await() {
        CompletableFuture<Void> all = CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new));
        try {
            all.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw cause instanceof RuntimeException r ? r : new DemoApi.DemoLoadException(cause.toString());
        }
    }

    /** The parts that failed or were skipped, in the order they did. */
    List<String> failures() {
        return List.copyOf(failures);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
