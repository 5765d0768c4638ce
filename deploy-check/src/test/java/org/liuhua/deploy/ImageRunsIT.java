package org.liuhua.deploy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.liuhua.events.Topics;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The image tarballs run, without a container runtime: each image's layers are unpacked in order into one root
 * directory (what a runtime does), and its entrypoint is run there with {@code chroot} as the image's user, with the
 * image's environment. For every image: {@code java -version} is the image's own Java 17 (from its PATH/JAVA_HOME,
 * not this machine's), the JRE's trust store holds the CA certificates, and the entrypoint with the launcher's
 * {@code --dry-run} (JVM started, main class loaded from
 * {@code @/app/jib-classpath-file}, main not called) exits 0. hazard-service's image is then started for real against
 * a Kafka broker and the MongoDB stand-in in this JVM until {@code /actuator/health/readiness} answers 200, and the
 * running process is checked to be the image's java under uid 65532.
 *
 * <p>Skipped, with the reason, when no image was built ({@code ./mvnw -B -P images -DskipTests package}), when not
 * root (chroot and the bind mounts of /proc and /dev need it), or when /proc cannot be bind-mounted. Differences from
 * a runtime: the host's network namespace, and the working directory is / rather than the image's /app (chroot
 * cannot change it; the entrypoint uses absolute paths only).
 */
class ImageRunsIT {

    static final Path ROOT = Repo.ROOT.resolve("deploy-check/target/image-root");
    static final Path BLOBS = Repo.ROOT.resolve("deploy-check/target/image-blobs");

    /** {@code base}: the base image's layers; the others are Jib's (the application under /app). */
    record Image(String module, Path tarball, List<String> entrypoint, Map<String, String> env, String user,
            List<String> base, List<String> application) {
    }

    @Test
    void everyImageRunsItsOwnJavaAsItsUserAndHazardServiceBecomesReady() throws Exception {
        List<Image> images = new ArrayList<>();
        for (String module : Repo.deployables()) {
            Path tarball = Repo.ROOT.resolve(module).resolve("target/jib-image.tar");
            if (Files.exists(tarball)) {
                images.add(open(module, tarball));
            }
        }
        Assumptions.assumeFalse(images.isEmpty(), "no image built (./mvnw -B -P images -DskipTests package builds them)");
        Assumptions.assumeTrue("0".equals(run(List.of("id", "-u"), Map.of(), 10).output().trim()),
                "not root: running an image with chroot needs root");
        Path chroot = Stream.of("/usr/sbin/chroot", "/usr/bin/chroot", "/sbin/chroot").map(Path::of)
                .filter(Files::isExecutable).findFirst().orElse(null);
        Assumptions.assumeTrue(chroot != null, "no chroot command");

        // the base image is unpacked once (when every image has the same); each image's own layers replace /app
        Set<List<String>> bases = new HashSet<>();
        images.forEach(image -> bases.add(image.base()));
        Assumptions.assumeTrue(bases.size() == 1, "the images were built on different bases: " + bases);
        deleteTree(ROOT);
        Files.createDirectories(ROOT);
        for (String layer : images.get(0).base()) {
            untar(images.get(0), layer, ROOT);
        }
        List<String> mounted = new ArrayList<>();
        try {
            for (String dir : List.of("proc", "dev")) {
                Files.createDirectories(ROOT.resolve(dir));
                Result mount = run(List.of("mount", "--bind", "/" + dir, ROOT.resolve(dir).toString()), Map.of(), 10);
                Assumptions.assumeTrue(mount.exit() == 0, "cannot bind-mount /" + dir + " into the image's root "
                        + "(needs CAP_SYS_ADMIN): " + mount.output());
                mounted.add(ROOT.resolve(dir).toString());
            }
            List<String> problems = new ArrayList<>();
            for (Image image : images) {
                deleteTree(ROOT.resolve("app"));
                for (String layer : image.application()) {
                    untar(image, layer, ROOT);
                }
                String javaHome = image.env().get("JAVA_HOME");
                assertThat(javaHome).as(image.module() + ": JAVA_HOME in the image's config").isNotBlank();
                assertThat(ROOT.resolve(javaHome.substring(1)).resolve("bin/java")).as(image.module()).exists();
                List<String> asUser = List.of(chroot.toString(), "--userspec=" + image.user(), ROOT.toString());

                Result version = run(concat(asUser, List.of("java", "-version")), image.env(), 60);
                System.out.println(image.module() + ": java -version in the image: " + version.output().trim());
                if (version.exit() != 0 || !version.output().contains("version \"17.")) {
                    problems.add(image.module() + ": java -version: exit " + version.exit() + ": " + version.output());
                }
                if (image == images.get(0)) {
                    // TLS to Keycloak's JWKS and other public endpoints: the JRE's default trust store is filled
                    Result trust = run(concat(asUser, List.of("keytool", "-list", "-cacerts", "-storepass",
                            "changeit")), image.env(), 60);
                    System.out.println("the base's Java trust store: " + trust.output().lines()
                            .filter(line -> line.contains("contains")).findFirst().orElse(trust.output()));
                    assertThat(trust.output()).as("keytool -list -cacerts in the image")
                            .containsPattern("contains [1-9][0-9]{2} entries");
                }
                List<String> dryRun = new ArrayList<>(image.entrypoint());
                dryRun.add(1, "--dry-run");
                Result loaded = run(concat(asUser, dryRun), image.env(), 120);
                System.out.println(image.module() + ": entrypoint --dry-run (main class "
                        + dryRun.get(dryRun.size() - 1) + " loaded): exit " + loaded.exit());
                if (loaded.exit() != 0) {
                    problems.add(image.module() + ": the entrypoint with --dry-run exited " + loaded.exit() + ": "
                            + loaded.output());
                }
                if (image.module().equals("hazard-service")) {
                    startsAndBecomesReady(image, asUser);
                }
            }
            assertThat(problems).isEmpty();
        } finally {
            for (String mount : mounted) {
                run(List.of("umount", "-l", mount), Map.of(), 10);
            }
            if (mounted.isEmpty() || run(List.of("findmnt", "-rn", "-o", "TARGET"), Map.of(), 10).output()
                    .lines().noneMatch(line -> line.startsWith(ROOT.toString()))) {
                deleteTree(ROOT);
            }
            deleteTree(BLOBS);
        }
    }

    /** The image's entrypoint as it is, with the settings a Deployment gives; ready within 180 s, as uid 65532. */
    private static void startsAndBecomesReady(Image image, List<String> asUser) throws Exception {
        EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 1, Topics.GRID, Topics.HAZARD,
                Topics.AUDIT, Topics.deadLetter(Topics.GRID), Topics.deadLetter(Topics.HAZARD),
                Topics.deadLetter(Topics.AUDIT));
        kafka.afterPropertiesSet();
        MongoServer mongo = new MongoServer(new MemoryBackend());
        int mongoPort = mongo.bind().getPort();
        int port = freePort();
        Map<String, String> env = new LinkedHashMap<>(image.env());
        env.put("PORT", String.valueOf(port));
        env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", kafka.getBrokersAsString());
        env.put("SPRING_MONGODB_URI", "mongodb://127.0.0.1:" + mongoPort + "/hazard");
        env.put("LIUHUA_SECURITY_ISSUER", "http://127.0.0.1:9/realms/liuhua");
        // as ConfigMap liuhua-jvm adds to every pod; also keeps the heap small on a shared build machine
        env.put("JAVA_TOOL_OPTIONS", "-Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1");
        Path log = Files.createTempFile("hazard-service-image", ".log");
        ProcessBuilder builder = new ProcessBuilder(concat(asUser, image.entrypoint()))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        Process service = builder.start();
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
            while (status(http, "http://127.0.0.1:" + port + "/actuator/health/readiness") != 200) {
                assertThat(service.isAlive()).as("hazard-service's image exited: " + Files.readString(log)).isTrue();
                assertThat(System.nanoTime()).as("hazard-service's image ready within 180 s: " + Files.readString(log))
                        .isLessThan(deadline);
                Thread.sleep(1000);
            }
            String status = Files.readString(Path.of("/proc/" + service.pid() + "/status"));
            assertThat(status).as("the service's process runs as the image's user").containsPattern("(?m)^Uid:\\s+65532\\s");
            Path exe = Files.readSymbolicLink(Path.of("/proc/" + service.pid() + "/exe"));
            assertThat(exe.toString()).as("the process is the image's java").startsWith(ROOT.toString());
            System.out.println("hazard-service: the image's entrypoint is ready on :" + port + " as uid 65532, " + exe);
        } finally {
            service.destroy();
            if (!service.waitFor(30, TimeUnit.SECONDS)) {
                service.destroyForcibly();
            }
            kafka.destroy();
            mongo.shutdownNow();
        }
    }

    private static Image open(String module, Path tarball) throws IOException, InterruptedException {
        Path blobs = BLOBS.resolve(module);
        deleteTree(blobs);
        Files.createDirectories(blobs);
        extract(tarball, "manifest.json", blobs);
        ObjectMapper json = new ObjectMapper();
        JsonNode manifest = json.readTree(blobs.resolve("manifest.json").toFile()).get(0);
        extract(tarball, manifest.path("Config").asText(), blobs);
        JsonNode config = json.readTree(blobs.resolve(manifest.path("Config").asText()).toFile()).path("config");
        List<String> entrypoint = new ArrayList<>();
        config.path("Entrypoint").forEach(arg -> entrypoint.add(arg.asText()));
        Map<String, String> env = new LinkedHashMap<>();
        config.path("Env").forEach(e -> env.put(e.asText().substring(0, e.asText().indexOf('=')),
                e.asText().substring(e.asText().indexOf('=') + 1)));
        List<String> layers = new ArrayList<>();
        manifest.path("Layers").forEach(layer -> layers.add(layer.asText()));
        int jib = 0;
        for (JsonNode step : json.readTree(blobs.resolve(manifest.path("Config").asText()).toFile()).path("history")) {
            jib += step.path("created_by").asText().startsWith("jib-") && !step.path("empty_layer").asBoolean() ? 1 : 0;
        }
        assertThat(entrypoint).as(module + ": entrypoint").isNotEmpty();
        return new Image(module, tarball, entrypoint, env, config.path("User").asText(),
                layers.subList(0, layers.size() - jib), layers.subList(layers.size() - jib, layers.size()));
    }

    private static void extract(Path tarball, String member, Path into) throws IOException, InterruptedException {
        Result result = run(List.of("tar", "-xf", tarball.toString(), "-C", into.toString(), member), Map.of(), 120);
        assertThat(result.exit()).as(tarball + ": " + member + ": " + result.output()).isZero();
    }

    /** One layer of the image unpacked into the root as a runtime does (owners and modes kept; no whiteouts used). */
    private static void untar(Image image, String layer, Path into) throws IOException, InterruptedException {
        Path blobs = BLOBS.resolve(image.module());
        extract(image.tarball(), layer, blobs);
        Result result = run(List.of("tar", "--warning=no-unknown-keyword", "--numeric-owner", "-xzf",
                blobs.resolve(layer).toString(), "-C", into.toString()), Map.of(), 300);
        Files.delete(blobs.resolve(layer));
        assertThat(result.exit()).as("unpacking " + layer + ": " + result.output()).isZero();
    }

    record Result(int exit, String output) {
    }

    private static Result run(List<String> command, Map<String, String> env, int timeoutSeconds)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile("image-run", ".out");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
            if (!env.isEmpty()) {
                builder.environment().clear();
                builder.environment().putAll(env);
            }
            Process process = builder.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, "timed out after " + timeoutSeconds + " s: " + Files.readString(out));
            }
            return new Result(process.exitValue(), Files.readString(out));
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static void deleteTree(Path dir) throws IOException, InterruptedException {
        if (Files.exists(dir)) {
            // rm does not follow symlinks and stays on this file system (-x: never into a mount left behind)
            run(List.of("rm", "-rf", "--one-file-system", dir.toString()), Map.of(), 120);
        }
    }

    private static int status(HttpClient http, String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
