package org.liuhua.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The figures of a run: the comparison table (every figure beside its limit measured in the same run, the ratio and
 * the target), one row per measured phase, and notes (counting lag, checks, anomalies) under them. {@link #write}
 * saves the raw samples (CSV) and the summaries (JSON) per scenario and a Markdown report.
 */
final class Table {

    private record Row(String name, Samples samples, double units, String unit) {
    }

    /**
     * One line of the comparison table. {@code ratio} is Liuhua's figure over the limit's (NaN when there is no
     * limit, e.g. memory); {@code met} is null when the line has no target.
     */
    record Comparison(String scenario, String measure, String figure, String limit, double ratio, String target,
                      Boolean met) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<Comparison> comparisons = new ArrayList<>();
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

    /** A rate where more is better: target met when figure / limit ≥ {@code minRatio}. */
    void atLeast(String scenario, String measure, double figure, String limitName, double limit, String unit,
                 double minRatio) {
        double ratio = figure / limit;
        comparisons.add(new Comparison(scenario, measure, format(figure) + " " + unit,
                limitName + ": " + format(limit) + " " + unit, ratio,
                String.format(Locale.ROOT, "≥ %.2f", minRatio), ratio >= minRatio));
        if (!(ratio >= minRatio)) {
            anomaly("%s: %.2f of the limit (target ≥ %.2f)", measure, ratio, minRatio);
        }
    }

    /** A cost where less is better: target met when figure / limit ≤ {@code maxRatio}. */
    void atMost(String scenario, String measure, double figure, String limitName, double limit, String unit,
                double maxRatio) {
        double ratio = figure / limit;
        comparisons.add(new Comparison(scenario, measure, format(figure) + " " + unit,
                limitName + ": " + format(limit) + " " + unit, ratio,
                String.format(Locale.ROOT, "≤ %s×", format(maxRatio)), ratio <= maxRatio));
        if (!(ratio <= maxRatio)) {
            anomaly("%s: %.2f × the limit (target ≤ %s×)", measure, ratio, format(maxRatio));
        }
    }

    /** An absolute target (e.g. p99 ≤ 50 ms, ≤ 2 ms added), with a reference beside it when there is one. */
    void absolute(String scenario, String measure, double figure, String unit, String reference, double ratio,
                  String target, boolean met) {
        boolean hasTarget = !"—".equals(target);
        comparisons.add(new Comparison(scenario, measure, format(figure) + " " + unit, reference, ratio, target,
                hasTarget ? met : null));
        if (hasTarget && !met) {
            anomaly("%s: %s %s (target %s)", measure, format(figure), unit, target);
        }
    }

    /** A figure without a limit of its own (memory, start-up). */
    void info(String scenario, String measure, String figure) {
        comparisons.add(new Comparison(scenario, measure, figure, "—", Double.NaN, "—", null));
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

    static String format(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        double abs = Math.abs(value);
        if (abs >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return abs >= 10 ? String.format(Locale.ROOT, "%.1f", value) : String.format(Locale.ROOT, "%.2f", value);
    }

    /** The comparison table as Markdown. */
    String renderComparisons() {
        StringBuilder out = new StringBuilder();
        out.append("| measure | Liuhua | limit, same run | ratio | target | met |\n");
        out.append("|---|---|---|---|---|---|\n");
        for (Comparison c : comparisons) {
            out.append("| ").append(c.measure()).append(" | ").append(c.figure()).append(" | ").append(c.limit())
                    .append(" | ").append(Double.isNaN(c.ratio()) ? "—" : String.format(Locale.ROOT, "%.2f", c.ratio()))
                    .append(" | ").append(c.target()).append(" | ")
                    .append(c.met() == null ? "—" : c.met() ? "yes" : "**no**").append(" |\n");
        }
        return out.toString();
    }

    /** The phases: count, errors, wall time, throughput, percentiles. */
    String renderPhases() {
        StringBuilder out = new StringBuilder();
        String header = String.format(Locale.ROOT, "%-46s %6s %5s %8s %15s %8s %8s %8s %8s",
                "phase", "count", "err", "wall s", "throughput", "p50 ms", "p95 ms", "p99 ms", "max ms");
        out.append(header).append('\n').append("-".repeat(header.length())).append('\n');
        for (Row r : rows) {
            Samples s = r.samples();
            double wall = s.wallSeconds();
            String throughput = wall > 0 ? String.format(Locale.ROOT, "%.1f %s", r.units() / wall, r.unit()) : "-";
            out.append(String.format(Locale.ROOT, "%-46s %6d %5d %8.1f %15s %8.1f %8.1f %8.1f %8.1f%n", r.name(),
                    s.count(), s.errors(), wall, throughput, s.percentileMillis(50), s.percentileMillis(95),
                    s.percentileMillis(99), s.maxMillis()));
        }
        return out.toString();
    }

    String renderNotes() {
        StringBuilder out = new StringBuilder();
        notes.forEach(n -> out.append("  * ").append(n).append('\n'));
        out.append('\n');
        if (anomalies.isEmpty()) {
            out.append("  no anomalies: every request answered as expected and every target was met\n");
        } else {
            out.append("  ANOMALIES:\n");
            anomalies.forEach(a -> out.append("  ! ").append(a).append('\n'));
        }
        return out.toString();
    }

    String render() {
        return renderComparisons() + '\n' + renderPhases() + '\n' + renderNotes();
    }

    /**
     * Writes {@code <scenario>.csv} (every raw sample: phase, index, latency in ms) and {@code <scenario>.json} (the
     * phases' summaries and the comparison lines) per scenario, and {@code report.md} (header, comparison table,
     * phases with a sparkline of each latency series in the order measured, notes).
     */
    void write(Path dir, String header) throws IOException {
        Files.createDirectories(dir);
        Set<String> scenarios = new LinkedHashSet<>();
        rows.forEach(r -> scenarios.add(scenarioOf(r.name())));
        comparisons.forEach(c -> scenarios.add(c.scenario()));
        for (String scenario : scenarios) {
            StringBuilder csv = new StringBuilder("phase,sample,latency_ms\n");
            List<Map<String, Object>> phases = new ArrayList<>();
            for (Row r : rows) {
                if (!scenarioOf(r.name()).equals(scenario)) {
                    continue;
                }
                long[] raw = r.samples().raw();
                for (int i = 0; i < raw.length; i++) {
                    csv.append('"').append(r.name().replace("\"", "'")).append("\",").append(i).append(',')
                            .append(String.format(Locale.ROOT, "%.3f", raw[i] / 1e6)).append('\n');
                }
                Samples s = r.samples();
                Map<String, Object> phase = new LinkedHashMap<>();
                phase.put("phase", r.name());
                phase.put("count", s.count());
                phase.put("errors", s.errors());
                phase.put("wallSeconds", s.wallSeconds());
                phase.put("throughput", s.wallSeconds() > 0 ? r.units() / s.wallSeconds() : null);
                phase.put("unit", r.unit());
                for (double p : new double[]{50, 90, 95, 99, 99.9, 100}) {
                    phase.put("p" + (p == 99.9 ? "999" : String.valueOf((int) p)) + "Millis",
                            nanToNull(s.percentileMillis(p)));
                }
                phases.add(phase);
            }
            List<Map<String, Object>> lines = new ArrayList<>();
            for (Comparison c : comparisons) {
                if (c.scenario().equals(scenario)) {
                    Map<String, Object> line = new LinkedHashMap<>();
                    line.put("measure", c.measure());
                    line.put("figure", c.figure());
                    line.put("limit", c.limit());
                    line.put("ratio", nanToNull(c.ratio()));
                    line.put("target", c.target());
                    line.put("met", c.met());
                    lines.add(line);
                }
            }
            Files.writeString(dir.resolve(scenario + ".csv"), csv);
            Files.writeString(dir.resolve(scenario + ".json"), Http.JSON.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(Map.of("scenario", scenario, "phases", phases, "comparisons", lines)));
        }
        StringBuilder md = new StringBuilder("# Liuhua benchmark\n\n").append(header).append("\n\n");
        md.append(renderComparisons()).append("\n## Phases\n\n```\n").append(renderPhases()).append("```\n\n");
        md.append("Latency of each phase in the order measured (each mark: the highest of a 1/40 slice):\n\n```\n");
        for (Row r : rows) {
            if (r.samples().count() >= 10) {
                md.append(String.format(Locale.ROOT, "%-46s %s  max %.1f ms%n", r.name(),
                        sparkline(r.samples().raw(), 40), r.samples().maxMillis()));
            }
        }
        md.append("```\n\n## Notes\n\n```\n").append(renderNotes()).append("```\n\nRaw samples: `<scenario>.csv`; ")
                .append("summaries: `<scenario>.json` in this folder.\n");
        Files.writeString(dir.resolve("report.md"), md);
    }

    private static Object nanToNull(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? null : value;
    }

    /** "a. …" → "a", "g read …" → "g", "platform …" → "platform". */
    private static String scenarioOf(String name) {
        String first = name.split("[ .]", 2)[0];
        return first.isEmpty() ? "other" : first;
    }

    static String sparkline(long[] values, int width) {
        if (values.length == 0) {
            return "";
        }
        char[] marks = {'▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'};
        int slices = Math.min(width, values.length);
        long[] peaks = new long[slices];
        long max = 1;
        for (int i = 0; i < values.length; i++) {
            int slice = (int) ((long) i * slices / values.length);
            peaks[slice] = Math.max(peaks[slice], values[i]);
            max = Math.max(max, values[i]);
        }
        StringBuilder out = new StringBuilder();
        for (long peak : peaks) {
            out.append(marks[(int) Math.min(marks.length - 1, peak * marks.length / (max + 1))]);
        }
        return out.toString();
    }
}
