package org.liuhua.reporting.stats;

/**
 * A rate shown beside its policy target: {@code value} is {@code numerator / denominator} (null when there is no
 * denominator), {@code met} whether it reaches the target.
 */
public record Rate(long numerator, long denominator, Double value, double target, boolean met) {

    public static Rate of(long numerator, long denominator, double target) {
        Double value = denominator == 0 ? null : Math.round(numerator * 10000.0 / denominator) / 10000.0;
        return new Rate(numerator, denominator, value, target, value != null && value >= target);
    }
}
