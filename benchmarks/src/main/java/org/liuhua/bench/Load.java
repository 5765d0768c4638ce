package org.liuhua.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;

/** Runs a fixed number of calls from a few client threads, bounded in count and in time. */
final class Load {

    private Load() {
    }

    /**
     * Calls {@code call(i)} for i = 0 … count-1 from {@code clients} threads (closed loop: each client sends its next
     * request when the previous one answered) until all were sent or {@code limit} passed. Latencies of calls that
     * answered true go to {@code samples}; false counts as an error. Returns how many calls were made.
     */
    static int run(int clients, int count, Duration limit, Samples samples, IntPredicate call) {
        AtomicInteger next = new AtomicInteger();
        long started = System.nanoTime();
        long deadline = started + limit.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < deadline) {
                    int i = next.getAndIncrement();
                    if (i >= count) {
                        return;
                    }
                    long t0 = System.nanoTime();
                    boolean ok;
                    try {
                        ok = call.test(i);
                    } catch (RuntimeException e) {
                        Bench.log("call " + i + " failed: " + e);
                        ok = false;
                    }
                    if (ok) {
                        samples.add(System.nanoTime() - t0);
                    } else {
                        samples.error();
                    }
                }
            }, "bench-client-" + c);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            try {
                thread.join(limit.toMillis() + 60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        samples.wall(System.nanoTime() - started);
        int made = Math.min(next.get(), count);
        if (made < count) {
            Bench.log("stopped after " + made + " of " + count + " calls: time limit " + limit + " reached");
        }
        return made;
    }
}
