package org.liuhua.bench;

import java.util.Arrays;

import org.HdrHistogram.Histogram;

/**
 * Latencies of one measured phase (nanoseconds), safe to add to from several client threads, with the counts of
 * failed requests and the wall time of the phase. Percentiles come from an HdrHistogram (1 µs … 1 h, 3 significant
 * digits); every raw value is kept as well, so the run's files hold each sample.
 */
final class Samples {

    private final Histogram histogram = new Histogram(1_000L, 3_600_000_000_000L, 3);
    private long[] nanos = new long[1024];
    private int size;
    private long errors;
    private long wallNanos;

    synchronized void add(long latencyNanos) {
        if (size == nanos.length) {
            nanos = Arrays.copyOf(nanos, size * 2);
        }
        nanos[size++] = latencyNanos;
        histogram.recordValue(Math.max(1_000L, Math.min(latencyNanos, histogram.getHighestTrackableValue())));
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

    /** Every recorded latency in the order recorded (nanoseconds). */
    synchronized long[] raw() {
        return Arrays.copyOf(nanos, size);
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

    /** Percentile in milliseconds (p in 0..100) from the histogram; NaN without samples. */
    synchronized double percentileMillis(double p) {
        if (size == 0) {
            return Double.NaN;
        }
        return histogram.getValueAtPercentile(p) / 1e6;
    }

    synchronized double maxMillis() {
        return size == 0 ? Double.NaN : histogram.getMaxValue() / 1e6;
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
