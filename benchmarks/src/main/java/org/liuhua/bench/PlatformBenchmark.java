package org.liuhua.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.liuhua.kit.test.TestTokens;
import org.liuhua.platform.IdentityProvider;
import org.liuhua.platform.Platform;
import org.liuhua.platform.Ports;

/**
 * Measures the platform: starts it the way the end-to-end tests do (Kafka and the MongoDB stand-in in this process,
 * grid-, hazard- and reporting-service and the gateway as separate processes, free ports, a temporary data folder,
 * the test signing key), runs the scenarios a–g one after the other, prints a table of figures, stops everything and
 * exits 0. See benchmarks/README.md.
 */
public final class PlatformBenchmark {

    private PlatformBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                Config.text("bench.logLevel", "warn"));
        Path repoRoot = repoRoot();
        List<String> services = Bench.services();
        for (String name : concat(services, "gateway")) {
            Path jar = repoRoot.resolve(name).resolve("target").resolve(name + "-" + Platform.VERSION + ".jar");
            if (!Files.isRegularFile(jar)) {
                System.err.println(jar + " is missing: build the platform first (./mvnw -B -DskipTests package)");
                System.exit(2);
            }
        }
        Path dataDir = Files.createTempDirectory("liuhua-bench-");
        String loadBefore = loadAverage();
        Bench.log("repository " + repoRoot + ", data " + dataDir + ", load average " + loadBefore);

        Platform platform = new Platform(repoRoot, dataDir, Ports.free(), services,
                data -> IdentityProvider.keys(TestTokens.ISSUER, TestTokens.jwkSetUri()),
                jvmOptions());
        AtomicBoolean closed = new AtomicBoolean();
        Runnable stop = () -> {
            if (closed.compareAndSet(false, true)) {
                Bench.log("stopping the platform …");
                platform.close();
            }
        };
        Thread hook = new Thread(stop, "bench-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);

        Table table = new Table();
        long runStarted = System.nanoTime();
        boolean keep = Config.flag("bench.keepData");
        try {
            Set<String> scenarios = Bench.scenarios();
            // g needs no services: it runs first, on its own store, while the machine is quiet
            run(scenarios, "g", table, () -> HotPathCosts.run(table));
            if (scenarios.equals(Set.of("g"))) {
                throw new OnlyStoreScenarios();
            }
            long t0 = System.nanoTime();
            platform.start(Config.seconds("bench.startTimeoutSeconds", 240));
            table.info("p", "p. start-up of the platform (Kafka, MongoDB stand-in, " + services.size()
                    + " services, gateway; started together)", Bench.seconds(System.nanoTime() - t0));
            table.note("services ran on Java %s with %s", System.getProperty("java.version"),
                    String.join(" ", jvmOptions()));
            Bench bench = new Bench(platform, table);
            bench.probeGateway();
            run(scenarios, "a", table, () -> ReportToCounted.run(bench));
            run(scenarios, "b", table, () -> WriteThroughput.run(bench));
            run(scenarios, "c", table, () -> ThirdPartyIntake.run(bench));
            run(scenarios, "d", table, () -> PatrolSync.run(bench));
            run(scenarios, "e", table, () -> ProjectionBurst.run(bench));
            run(scenarios, "f", table, () -> CardRendering.run(bench));
            run(scenarios, "h", table, () -> GatewayOverhead.run(bench));
            Soak.run(bench, concat(services, "gateway"));
            Processes.record(bench, concat(services, "gateway"));
            // the data grows by orders of magnitude here: last
            run(scenarios, "s", table, () -> ScaleQueries.run(bench));
            finalChecks(bench);
        } catch (OnlyStoreScenarios e) {
            table.note("only scenario g was chosen: the platform was not started");
        } catch (RuntimeException e) {
            table.anomaly("the run stopped early: %s", e);
            e.printStackTrace(System.out);
        } finally {
            stop.run();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook runs anyway
            }
        }

        String loadAfter = loadAverage();
        String header = "Liuhua platform benchmark — "
                + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + " — "
                + Runtime.getRuntime().availableProcessors() + " cores, "
                + String.format(Locale.ROOT, "%.0f GiB", totalMemoryGiB()) + ", Java "
                + System.getProperty("java.version") + ", load average before " + loadBefore + ", after " + loadAfter
                + String.format(Locale.ROOT, ", run %.0f s", (System.nanoTime() - runStarted) / 1e9)
                + ", scenarios " + String.join(",", new java.util.TreeSet<>(Bench.scenarios()));
        System.out.println();
        System.out.println(header);
        System.out.println(table.render());
        Path results = repoRoot.resolve("benchmarks").resolve("target").resolve("results")
                .resolve(ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        try {
            table.write(results, header);
            System.out.println("raw results and report.md in " + results);
        } catch (IOException | RuntimeException e) {
            System.out.println("could not write the results to " + results + ": " + e);
        }
        if (keep || table.hasAnomalies()) {
            System.out.println("data and service logs kept in " + dataDir + " (logs/<service>.log)");
        } else {
            deleteRecursively(dataDir);
        }
        System.exit(0);
    }

    /** Ends the run after scenario g when no scenario needs the platform. */
    /**
     * The services' JVM options: the run command's ({@code Platform.localJvmOptions()}) unless
     * {@code bench.jvmOptions} gives others (space-separated) — for comparing JVM settings by measurement
     * (benchmarks/README.md, "JVM settings"). The services run on the benchmark's own {@code java}.
     */
    static List<String> jvmOptions() {
        String options = Config.text("bench.jvmOptions", "");
        return options.isBlank() ? Platform.localJvmOptions() : List.of(options.trim().split("\\s+"));
    }

    private static final class OnlyStoreScenarios extends RuntimeException {
        OnlyStoreScenarios() {
            super(null, null, false, false);
        }
    }

    private static void run(Set<String> selected, String name, Table table, Runnable scenario) {
        if (!selected.contains(name)) {
            return;
        }
        try {
            scenario.run();
        } catch (RuntimeException e) {
            table.anomaly("scenario %s failed: %s", name, e);
            e.printStackTrace(System.out);
        }
    }

    /** Every hazard CREATED must be counted exactly once; nothing may be dead-lettered; logs are scanned for errors. */
    private static void finalChecks(Bench bench) {
        Http reporting = bench.reporting();
        long expected = bench.hazardsCreated.get();
        long reached = Bench.awaitTotal(reporting, expected, System.nanoTime(),
                Config.seconds("bench.finalCountLimitSeconds", 60), 200);
        // a moment more, so a count above the expected total (a hazard counted twice) would show
        Bench.sleep(1000);
        long total = Bench.total(reporting);
        if (reached < 0 || total != expected) {
            bench.table.anomaly("overview hazards.total is %d, but the platform answered CREATED for %d hazards",
                    total, expected);
        } else {
            bench.table.note("overview hazards.total = %d = hazards answered CREATED (none lost, none counted twice)",
                    total);
        }
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bench.platform.kafka().bootstrapServers()))) {
            Set<String> topics = admin.listTopics().names().get();
            List<String> dlts = topics.stream().filter(t -> t.endsWith(".DLT")).sorted().toList();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            if (!dlts.isEmpty()) {
                for (TopicDescription d : admin.describeTopics(dlts).allTopicNames().get().values()) {
                    d.partitions().forEach(p -> latest.put(new TopicPartition(d.name(), p.partition()),
                            OffsetSpec.latest()));
                }
            }
            long dead = 0;
            for (var offset : admin.listOffsets(latest).all().get().values()) {
                dead += offset.offset();
            }
            if (dead > 0) {
                bench.table.anomaly("%d records in dead-letter topics %s", dead, dlts);
            } else {
                bench.table.note("dead-letter topics: %s, 0 records", dlts.isEmpty() ? "none created" : dlts);
            }
        } catch (Exception e) {
            bench.table.note("could not read the dead-letter topics: %s", e);
        }
        for (String name : concat(Bench.services(), "gateway")) {
            Path log = bench.platform.service(name).logFile();
            try (Stream<String> lines = Files.lines(log)) {
                List<String> errors = lines.filter(l -> l.contains(" ERROR ") || l.startsWith("ERROR")).toList();
                if (!errors.isEmpty()) {
                    bench.table.anomaly("%s logged %d ERROR lines, first: %s", name, errors.size(),
                            errors.get(0).length() > 240 ? errors.get(0).substring(0, 240) : errors.get(0));
                }
            } catch (IOException | java.io.UncheckedIOException e) {
                bench.table.note("could not read %s: %s", log, e);
            }
        }
    }

    /** -Dbench.repo, else the first folder from the working directory upwards holding the service modules. */
    private static Path repoRoot() {
        String given = System.getProperty("bench.repo");
        if (given != null) {
            return Path.of(given).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("hazard-service"))
                    && Files.isDirectory(dir.resolve("local-platform"))) {
                return dir;
            }
        }
        throw new IllegalStateException("run from the repository (or give -Dbench.repo=<path>)");
    }

    private static double totalMemoryGiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    private static List<String> concat(List<String> list, String more) {
        List<String> all = new ArrayList<>(list);
        all.add(more);
        return all;
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            Bench.log("could not delete " + dir + ": " + e);
        }
    }
}
