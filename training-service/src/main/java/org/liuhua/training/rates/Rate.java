package org.liuhua.training.rates;

/**
 * A computed rate against its policy target: {@code count} of {@code base}, the share (null when the base is empty),
 * the target share and whether it is met.
 */
public record Rate(long count, long base, Double rate, double target, Boolean met) {

    public static Rate of(long count, long base, double target) {
        Double share = base == 0 ? null : Math.round(count * 10000.0 / base) / 10000.0;
        return new Rate(count, base, share, target, share == null ? null : share >= target);
    }
}
