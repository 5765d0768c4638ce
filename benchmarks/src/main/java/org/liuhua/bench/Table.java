package org.liuhua.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The figures of a run: one row per measured phase, and notes (counting lag, checks, anomalies) under the table. */
final class Table {

    private record Row(String name, Samples samples, double units, String unit) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> anomalies = new ArrayList<>();

    /** A phase whose throughput is its sample count per wall second. */
    void row(String name, Samples samples, String unit) {
        rows.add(new Row(name, samples, samples.count(), unit));
    }

    /** A phase whose throughput counts other units than requests (e.g. findings per batch request). */
    void row(String name, Samples samples, double units, String unit) {
        rows.add(new Row(name, samples, units, unit));
    }

    void note(String format, Object... args) {
        String text = String.format(Locale.ROOT, format, args);
        notes.add(text);
        Bench.log(text);
    }

    void anomaly(String format, Object... args) {
        String text = String.format(Locale.ROOT, format, args);
        anomalies.add(text);
        Bench.log("ANOMALY: " + text);
    }

    boolean hasAnomalies() {
        return !anomalies.isEmpty();
    }

    String render() {
        StringBuilder out = new StringBuilder();
        String header = String.format(Locale.ROOT, "%-44s %6s %5s %8s %14s %8s %8s %8s %8s",
                "phase", "count", "err", "wall s", "throughput", "p50 ms", "p95 ms", "p99 ms", "max ms");
        out.append(header).append('\n').append("-".repeat(header.length())).append('\n');
        for (Row r : rows) {
            Samples s = r.samples();
            double wall = s.wallSeconds();
            String throughput = wall > 0 ? String.format(Locale.ROOT, "%.1f %s", r.units() / wall, r.unit()) : "-";
            out.append(String.format(Locale.ROOT, "%-44s %6d %5d %8.1f %14s %8.1f %8.1f %8.1f %8.1f%n", r.name(),
                    s.count(), s.errors(), wall, throughput, s.percentileMillis(50), s.percentileMillis(95),
                    s.percentileMillis(99), s.maxMillis()));
        }
        if (!notes.isEmpty()) {
            out.append('\n');
            notes.forEach(n -> out.append("  * ").append(n).append('\n'));
        }
        out.append('\n');
        if (anomalies.isEmpty()) {
            out.append("  no anomalies: every request answered as expected and every hazard was counted once\n");
        } else {
            out.append("  ANOMALIES:\n");
            anomalies.forEach(a -> out.append("  ! ").append(a).append('\n'));
        }
        return out.toString();
    }
}
