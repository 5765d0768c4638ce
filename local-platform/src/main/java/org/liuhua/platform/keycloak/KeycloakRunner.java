package org.liuhua.platform.keycloak;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.liuhua.platform.ParentWatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the real Keycloak server (the {@code keycloak-quarkus-dist} zip from Maven Central) as a child process, with
 * the Liuhua realm imported, for the local platform and for tests.
 *
 * <p>The distribution is found, in this order: the system property {@code liuhua.keycloak.distribution} (an unpacked
 * distribution directory), {@code target/keycloak/keycloak-<version>} or
 * {@code local-platform/target/keycloak/keycloak-<version>} (unpacked by the local-platform build), or the zip in the
 * local Maven repository, unpacked into the work directory. It is then installed into {@code <workDir>/server}: the
 * jars are hard-linked (copied when the file system cannot link), everything Keycloak writes to (its build output in
 * {@code lib/quarkus}, {@code conf}, {@code data}) is a private copy. The embedded H2 database lives in
 * {@code <workDir>/server/data}, so users and sessions survive a restart; deleting {@code workDir} resets everything.
 * The realm is imported on the first start only (Keycloak skips a realm that already exists). The dev-mode build
 * of {@code lib/quarkus} that the first start of a work directory makes is kept beside a shared distribution and
 * copied into the next new work directory ({@link #BUILD_OPTIONS}).
 */
public final class KeycloakRunner {

    public static final String VERSION = "26.7.3";
    public static final String REALM = "liuhua";
    static final String DISTRIBUTION_PROPERTY = "liuhua.keycloak.distribution";
    private static final Logger log = LoggerFactory.getLogger(KeycloakRunner.class);
    private static final String ADMIN_USER = "admin";
    private static final String ADMIN_PASSWORD = "admin";
    /**
     * Appended to kc.sh's own options (which select G1): C1 only and the serial collector, as for the services.
     * Keycloak starts beside six other JVMs on 2 cores, where C2's compilations and G1's threads cost start-up time
     * (benchmarks/README "JVM settings"). {@code -XX:-UseG1GC} first: two collectors selected would stop the JVM.
     */
    static final String JAVA_OPTS_APPEND = "-XX:-UseG1GC -XX:+UseSerialGC -XX:TieredStopAtLevel=1";
    /**
     * The command and the options that decide Keycloak's build (Quarkus augmentation of {@code lib/quarkus}): the
     * distribution is built for production mode, so the first {@code start-dev} of a new work directory rebuilds it
     * (a minute or more on a busy 2-core machine). That build is kept beside the distribution ({@link #keepBuild}) and
     * copied into the next new work directory ({@link #install}); Keycloak checks the build options it finds and
     * rebuilds by itself when they differ, so a stale copy costs time, never correctness.
     */
    static final List<String> BUILD_OPTIONS = List.of("start-dev", "--cache", "local");
    /** Keycloak's line when it rebuilds before starting. */
    static final String REBUILD_LINE = "Updating the configuration";

    private KeycloakRunner() {
    }

    /**
     * Starts Keycloak on {@code http://localhost:<port>} and waits until the realm's OpenID configuration answers.
     *
     * @param workDir   where the server copy, its database and its log live (created when missing)
     * @param port      HTTP port
     * @param realmJson the realm to import (deploy/keycloak/liuhua-realm.json)
     * @param timeout   how long to wait for the realm to answer; the process is stopped when it does not
     */
    public static RunningKeycloak start(Path workDir, int port, Path realmJson, Duration timeout) {
        try {
            Files.createDirectories(workDir);
            Path distribution = locateDistribution(workDir);
            Path home = install(distribution, workDir.resolve("server"));
            restoreInitialDatabase(distribution, home, realmJson);
            Path imports = Files.createDirectories(home.resolve("data").resolve("import"));
            Path imported = imports.resolve(REALM + "-realm.json");
            if (Files.exists(home.resolve("data").resolve("h2")) && Files.exists(imported)
                    && Files.mismatch(imported, realmJson) != -1) {
                log.warn("{} changed since the realm was first imported; Keycloak keeps the realm it has. Delete {} "
                        + "to import the new file.", realmJson, workDir);
            }
            Files.copy(realmJson, imported, StandardCopyOption.REPLACE_EXISTING);
            Path logFile = workDir.resolve("keycloak.log");
            long logStart = Files.exists(logFile) ? Files.size(logFile) : 0;

            List<String> command = new ArrayList<>(List.of(home.resolve("bin").resolve("kc.sh").toString()));
            command.addAll(BUILD_OPTIONS);
            command.addAll(List.of("--http-port", String.valueOf(port),
                    "--hostname", "http://localhost:" + port,
                    "--http-management-port", String.valueOf(managementPort(port)),
                    "--import-realm",
                    "--log-level", "INFO"));
            ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            Map<String, String> env = builder.environment();
            env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
            env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
            env.putIfAbsent("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
            if (!env.containsKey("JAVA_OPTS")) {
                // an operator's JAVA_OPTS replaces kc.sh's options and these with them
                env.putIfAbsent("JAVA_OPTS_APPEND", JAVA_OPTS_APPEND);
            }
            if (!env.containsKey("JAVA_HOME")) {
                env.put("JAVA_HOME", System.getProperty("java.home"));
            }
            log.info("starting Keycloak {} on port {} (home {}, log {})", VERSION, port, home, logFile);
            Process process = builder.start();
            // stopped also when this JVM is killed without running its shutdown hooks
            ParentWatch.guard(process);
            KeycloakProcess running = new KeycloakProcess(process, port, logFile);
            try {
                awaitRealm(running, timeout);
            } catch (RuntimeException e) {
                running.stop();
                throw e;
            }
            keepBuild(distribution, workDir, home, logFile, logStart);
            return running;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Keycloak in " + workDir, e);
        }
    }

    /** Keycloak's management interface (health, metrics) needs its own port; it is kept next to the HTTP port. */
    static int managementPort(int port) {
        return port < 65535 - 1000 ? port + 1000 : port - 1000;
    }

    private static void awaitRealm(KeycloakProcess running, Duration timeout) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI wellKnown = URI.create(running.issuer() + "/.well-known/openid-configuration");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!running.process().isAlive()) {
                throw new IllegalStateException("Keycloak exited with status " + running.process().exitValue()
                        + " before it was ready; see " + running.logFile());
            }
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(wellKnown)
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    log.info("Keycloak is ready: {}", running.issuer());
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Keycloak", e);
            }
            sleep(500);
        }
        throw new IllegalStateException("Keycloak did not answer " + wellKnown + " within " + timeout + "; see "
                + running.logFile());
    }

    /** Finds an unpacked distribution, or unpacks the zip from the local Maven repository into the work directory. */
    static Path locateDistribution(Path workDir) throws IOException {
        String configured = System.getProperty(DISTRIBUTION_PROPERTY, System.getenv("LIUHUA_KEYCLOAK_DISTRIBUTION"));
        List<Path> candidates = new ArrayList<>();
        if (configured != null && !configured.isBlank()) {
            candidates.add(Path.of(configured));
        }
        candidates.add(Path.of("target", "keycloak", "keycloak-" + VERSION));
        candidates.add(Path.of("local-platform", "target", "keycloak", "keycloak-" + VERSION));
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate.resolve("bin").resolve("kc.sh"))) {
                return candidate.toAbsolutePath();
            }
        }
        Path zip = mavenRepository().resolve(Path.of("org", "keycloak", "keycloak-quarkus-dist", VERSION,
                "keycloak-quarkus-dist-" + VERSION + ".zip"));
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException("no Keycloak distribution: build local-platform once (./mvnw -pl "
                    + "local-platform -am package -DskipTests) so that it downloads " + zip.getFileName()
                    + ", or set -D" + DISTRIBUTION_PROPERTY + "=<unpacked keycloak-" + VERSION + ">");
        }
        Path target = workDir.resolve("distribution");
        Path unpacked = target.resolve("keycloak-" + VERSION);
        if (!Files.isRegularFile(unpacked.resolve("bin").resolve("kc.sh"))) {
            log.info("unpacking {} into {}", zip, target);
            unzip(zip, target);
        }
        return unpacked;
    }

    private static Path mavenRepository() {
        String local = System.getProperty("maven.repo.local");
        return local != null ? Path.of(local) : Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    /**
     * Installs the distribution into {@code home} once (a marker file records it). Jars outside {@code lib/quarkus}
     * are never written by Keycloak and are hard-linked; the rest is copied.
     */
    static Path install(Path distribution, Path home) throws IOException {
        Path marker = home.resolve(".liuhua-installed-" + VERSION);
        if (Files.exists(marker)) {
            return home;
        }
        Path quarkusBuild = distribution.resolve("lib").resolve("quarkus");
        try (Stream<Path> files = Files.walk(distribution)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path target = home.resolve(distribution.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.deleteIfExists(target);
                boolean linkable = source.toString().endsWith(".jar") && !source.startsWith(quarkusBuild);
                if (linkable) {
                    try {
                        Files.createLink(target, source);
                        continue;
                    } catch (IOException | UnsupportedOperationException cannotLink) {
                        // another file system: copy below
                    }
                }
                Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        for (String script : List.of("kc.sh", "kcadm.sh", "kcreg.sh")) {
            makeExecutable(home.resolve("bin").resolve(script));
        }
        restoreBuild(distribution, home);
        Files.createFile(marker);
        return home;
    }

    /** Where the dev-mode build of this distribution is kept: beside it (e.g. local-platform/target/keycloak). */
    static Path keptBuild(Path distribution) {
        return distribution.resolveSibling(distribution.getFileName() + "-dev-build");
    }

    /** Copies a kept dev-mode build (made with the same {@link #BUILD_OPTIONS}) over a new server's lib/quarkus. */
    private static void restoreBuild(Path distribution, Path home) throws IOException {
        Path kept = keptBuild(distribution);
        if (!readStamp(kept).equals(String.join(" ", BUILD_OPTIONS))) {
            return;
        }
        Path build = home.resolve("lib").resolve("quarkus");
        try {
            copyFiles(kept.resolve("quarkus"), build);
            log.info("using the kept Keycloak build {}", kept);
        } catch (IOException unreadable) {
            // removed or replaced meanwhile: start from the distribution's own build (Keycloak rebuilds it)
            log.warn("cannot use the kept Keycloak build {} ({}); Keycloak rebuilds", kept, unreadable.toString());
            copyFiles(distribution.resolve("lib").resolve("quarkus"), build);
        }
    }

    private static final String BUILD_STAMP = "build-options";

    /** Where a database just made by importing the realm is kept: beside the distribution, like its build. */
    static Path keptDatabase(Path distribution) {
        return distribution.resolveSibling(distribution.getFileName() + "-initial-database");
    }

    /**
     * Keeps the database of a first start — the schema made and the realm imported, nothing else — for new work
     * directories (ADR 16), when there is none for this realm yet: starts Keycloak once in {@code scratch} (a work
     * directory of the caller's, new or empty, which the caller deletes) on {@code port}, waits until the realm
     * answers, stops it (H2 closes its files) and keeps {@code data/h2}.
     * A new work directory then starts without making the schema and importing the realm (about a third of
     * Keycloak's start-up). Nothing is kept for a distribution unpacked into a work directory.
     *
     * @return whether it kept a new database
     */
    public static boolean prepareInitialDatabase(Path realmJson, Path scratch, int port, Duration timeout) {
        try {
            Path distribution = locateDistribution(scratch);
            Path kept = keptDatabase(distribution);
            String stamp = databaseStamp(realmJson);
            if (distribution.startsWith(scratch) || stamp.equals(readStamp(kept))) {
                return false;
            }
            start(scratch, port, realmJson, timeout).stop();
            if (!keep(scratch.resolve("server").resolve("data").resolve("h2"), kept, "h2", stamp)) {
                return false;
            }
            log.info("kept Keycloak's database with the realm imported in {} for new work directories", kept);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep Keycloak's initial database", e);
        }
    }

    /** A new work directory (no database yet) starts from the kept database when it was made from this realm. */
    static void restoreInitialDatabase(Path distribution, Path home, Path realmJson) throws IOException {
        Path database = home.resolve("data").resolve("h2");
        Path kept = keptDatabase(distribution);
        if (Files.exists(database) || !databaseStamp(realmJson).equals(readStamp(kept))) {
            return;
        }
        try {
            copyFiles(kept.resolve("h2"), database);
            log.info("using the kept Keycloak database with the realm imported {}", kept);
        } catch (IOException unreadable) {
            // replaced meanwhile: Keycloak makes the schema and imports the realm itself
            log.warn("cannot use the kept Keycloak database {} ({})", kept, unreadable.toString());
            deleteTree(database);
        }
    }

    /** Keycloak's version, its build options and the realm file's digest: what the kept database was made from. */
    private static String databaseStamp(Path realmJson) throws IOException {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(realmJson));
            return VERSION + " " + String.join(" ", BUILD_OPTIONS) + " " + java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a kept copy was made from, or "" when there is none. */
    private static String readStamp(Path kept) {
        try {
            return Files.readString(kept.resolve(BUILD_STAMP));
        } catch (IOException none) {
            return "";
        }
    }

    /**
     * After a ready start: keeps the server's build beside a shared distribution when there is none yet or Keycloak
     * just rebuilt it (its log since this start says so). Written to a temporary folder and moved into place, so a
     * reader sees a whole build or none; a failure only costs the next first start its time.
     */
    static void keepBuild(Path distribution, Path workDir, Path home, Path logFile, long logStart) {
        if (distribution.startsWith(workDir)) {
            return; // unpacked into this work directory: nothing shared to keep it beside
        }
        Path kept = keptBuild(distribution);
        try {
            boolean rebuilt;
            try (var in = Files.newInputStream(logFile)) {
                in.skipNBytes(logStart);
                rebuilt = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).contains(REBUILD_LINE);
            }
            if (Files.isRegularFile(kept.resolve(BUILD_STAMP)) && !rebuilt) {
                return;
            }
            if (keep(home.resolve("lib").resolve("quarkus"), kept, "quarkus", String.join(" ", BUILD_OPTIONS))) {
                log.info("kept the Keycloak build in {} for the next new work directory", kept);
            }
        } catch (IOException | RuntimeException e) {
            log.warn("could not keep the Keycloak build in {}: {}", kept, e.toString());
        }
    }

    /**
     * Keeps the files of {@code from} as {@code kept/<name>} with {@code stamp} (what they were made from): written to
     * a temporary folder and moved into place, so a reader sees a whole copy or none.
     *
     * @return false when another start kept its copy first
     */
    private static boolean keep(Path from, Path kept, String name, String stamp) throws IOException {
        Path fresh = Files.createTempDirectory(kept.getParent(), kept.getFileName() + ".");
        copyFiles(from, fresh.resolve(name));
        Files.writeString(fresh.resolve(BUILD_STAMP), stamp);
        if (Files.exists(kept)) {
            deleteTree(kept);
        }
        try {
            Files.move(fresh, kept, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException keptMeanwhile) {
            deleteTree(fresh);
            return false;
        }
    }

    private static void copyFiles(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(file)) {
                    Files.copy(file, to.resolve(file.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static void unzip(Path zip, Path target) throws IOException {
        Files.createDirectories(target);
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
            ZipEntry entry;
            while ((entry = entries.getNextEntry()) != null) {
                Path out = target.resolve(entry.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("zip entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(entries, out, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        try (Stream<Path> scripts = Files.list(target.resolve("keycloak-" + VERSION).resolve("bin"))) {
            for (Path script : (Iterable<Path>) scripts::iterator) {
                if (script.toString().endsWith(".sh")) {
                    makeExecutable(script);
                }
            }
        }
    }

    private static void makeExecutable(Path file) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        try {
            Set<PosixFilePermission> permissions = EnumSet.copyOf(Files.getPosixFilePermissions(file));
            permissions.addAll(Set.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                    PosixFilePermission.OTHERS_EXECUTE));
            Files.setPosixFilePermissions(file, permissions);
        } catch (UnsupportedOperationException notPosix) {
            file.toFile().setExecutable(true);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
