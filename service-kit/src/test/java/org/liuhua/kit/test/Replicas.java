package org.liuhua.kit.test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.function.IntSupplier;

/**
 * Two replicas of a scheduler on one shared store, for the fault matrix's two-replica rows: each ticks from its own
 * thread, both starting together.
 */
public final class Replicas {

    private Replicas() {
    }

    /** Both replicas tick {@code ticks} times, each from its own thread, starting together; their results. */
    public static int[][] concurrently(int ticks, IntSupplier a, IntSupplier b) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        CompletableFuture<int[]> first = CompletableFuture.supplyAsync(() -> ticks(ticks, a, start));
        CompletableFuture<int[]> second = CompletableFuture.supplyAsync(() -> ticks(ticks, b, start));
        return new int[][] {first.get(), second.get()};
    }

    private static int[] ticks(int ticks, IntSupplier tick, CyclicBarrier start) {
        int[] results = new int[ticks];
        try {
            start.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        for (int i = 0; i < ticks; i++) {
            results[i] = tick.getAsInt();
        }
        return results;
    }
}
