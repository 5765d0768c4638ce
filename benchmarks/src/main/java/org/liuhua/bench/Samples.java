package org.liuhua.bench;

import java.util.Arrays;

/**
 * Latencies of one measured phase (nanoseconds), safe to add to from several client threads, with the counts of
 * failed requests and the wall time of the phase. Percentiles are nearest-rank over every sample (no histogram
 * buckets, no sampling).
 */
final class Samples {

    private long[] nanos = new long[1024];
    private int size;
    private long errors;
    private long wallNanos;

    synchronized void add(long latencyNanos) {
        if (size == nanos.length) {
            nanos = Arrays.copyOf(nanos, size * 2);
        }
        nanos[size++] = latencyNanos;
    }

    synchronized void error() {
        errors++;
    }

    synchronized void wall(long nanosTaken) {
        wallNanos = nanosTaken;
    }

    synchronized int count() {
        return size;
    }

    synchronized long errors() {
        return errors;
    }

    synchronized double wallSeconds() {
        return wallNanos / 1e9;
    }

    /** Samples above the limit. */
    synchronized long above(long limitNanos) {
        long n = 0;
        for (int i = 0; i < size; i++) {
            if (nanos[i] > limitNanos) {
                n++;
            }
        }
        return n;
    }

    /** Nearest-rank percentile in milliseconds (p in 0..100); NaN without samples. */
    synchronized double percentileMillis(double p) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.max(0, Math.min(size - 1, rank - 1))] / 1e6;
    }

    synchronized double maxMillis() {
        return percentileMillis(100);
    }

    synchronized double meanMillis() {
        if (size == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = 0; i < size; i++) {
            sum += nanos[i];
        }
        return sum / size / 1e6;
    }
}
