package org.liuhua.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.liuhua.platform.Platform;

/**
 * Memory and start-up of every process of the platform: resident set size ({@code VmRSS} of /proc/<pid>/status; the
 * process is found by its {@code -jar} in /proc/<pid>/cmdline) and the start-up time Spring Boot logs ("Started … in
 * X seconds (process running for Y)"). The benchmark's own JVM holds the Kafka broker and the MongoDB stand-in (and
 * the load driver).
 */
final class Processes {

    private static final Pattern STARTED = Pattern.compile(
            "Started \\S+ in ([0-9.]+) seconds \\(process running for ([0-9.]+)\\)");

    private Processes() {
    }

    static void record(Bench bench, List<String> names) {
        for (String name : names) {
            Path jar = bench.platform.service(name).logFile();
            OptionalLong pid = pidOf(name + "-" + Platform.VERSION + ".jar");
            String rss = pid.isPresent() ? rssMegabytes(pid.getAsLong()) : "not found";
            bench.table.info("p", "p. RSS " + name, rss);
            bench.table.info("p", "p. start-up " + name, startUp(jar));
        }
        bench.table.info("p", "p. RSS benchmark JVM (Kafka broker + MongoDB stand-in + load driver)",
                rssMegabytes(ProcessHandle.current().pid()));
    }

    /** The resident set of a process in MB, from /proc/<pid>/status. */
    static String rssMegabytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return String.format(Locale.ROOT, "%.0f MB", kb / 1024.0);
                }
            }
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
        return "n/a";
    }

    /** The resident set of a process in kB, -1 when unknown. */
    static long rssKilobytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** The child process of this JVM whose command line runs {@code jarName} with -jar. */
    static OptionalLong pidOf(String jarName) {
        for (ProcessHandle child : ProcessHandle.current().descendants().toList()) {
            try {
                Path cmdline = Path.of("/proc", Long.toString(child.pid()), "cmdline");
                String command = new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8);
                if (command.contains("-jar\0") && command.contains("/" + jarName)) {
                    return OptionalLong.of(child.pid());
                }
            } catch (IOException | RuntimeException gone) {
                // the process ended meanwhile
            }
        }
        return OptionalLong.empty();
    }

    private static String startUp(Path log) {
        try (Stream<String> lines = Files.lines(log)) {
            return lines.map(STARTED::matcher).filter(Matcher::find).findFirst()
                    .map(m -> m.group(1) + " s (JVM up " + m.group(2) + " s)").orElse("not in the log");
        } catch (IOException | java.io.UncheckedIOException e) {
            return "n/a";
        }
    }
}
