package org.liuhua.deploy;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The image tarballs of the root pom's "images" profile (target/jib-image.tar per service and the gateway), checked
 * from their own config and layers: a numeric non-root user and group, the JVM flags, the main class, the
 * application in layers (dependencies, the reactor's own jars, resources, classes: one Jib layer each) rather than
 * one fat jar, and a JRE: the entrypoint's {@code java} on the image's PATH ({@link ImageRunsIT} runs them). Skipped when no image was built
 * (the ordinary build does not build images); {@code -Dliuhua.images.required=true} makes a missing tarball a
 * failure: {@code ./mvnw -B -P images -Dkit.skipTests=true package -Dtest=ImageTarballTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dliuhua.images.required=true}.
 */
class ImageTarballTest {

    @Test
    void everyImageRunsAsNonRootWithTheApplicationInLayers() throws IOException {
        boolean required = Boolean.getBoolean("liuhua.images.required");
        List<Path> tarballs = Repo.deployables().stream()
                .map(m -> Repo.ROOT.resolve(m).resolve("target/jib-image.tar")).toList();
        if (!required) {
            Assumptions.assumeTrue(tarballs.stream().anyMatch(Files::exists),
                    "no image built (./mvnw -B -P images -DskipTests package builds them)");
        }
        List<String> problems = new ArrayList<>();
        for (Path tarball : tarballs) {
            String module = tarball.getParent().getParent().getFileName().toString();
            if (!Files.exists(tarball)) {
                if (required) {
                    problems.add(module + ": no " + tarball);
                }
                continue;
            }
            Map<String, byte[]> entries = new HashMap<>();
            Map<String, List<String>> layers = new HashMap<>();
            try (InputStream in = new BufferedInputStream(Files.newInputStream(tarball))) {
                readTar(in, (name, content) -> {
                    if (name.endsWith(".tar.gz")) {
                        List<String> files = new ArrayList<>();
                        readTar(new GZIPInputStream(content), (file, ignored) -> files.add(
                                file.replaceFirst("^\\./", "").replaceFirst("^/", "")));
                        layers.put(name, files);
                    } else {
                        entries.put(name, content.readAllBytes());
                    }
                });
            }
            ObjectMapper json = new ObjectMapper();
            JsonNode manifest = json.readTree(entries.get("manifest.json")).get(0);
            assertThat(manifest.path("RepoTags").get(0).asText()).as(module)
                    .isEqualTo(Repo.IMAGE_PREFIX + module + ":" + Repo.VERSION);
            JsonNode config = json.readTree(entries.get(manifest.path("Config").asText())).path("config");
            String user = config.path("User").asText();
            if (user.isBlank() || user.startsWith("0") || user.startsWith("root")
                    || !user.matches("[1-9][0-9]*:[1-9][0-9]*")) {
                problems.add(module + ": runs as '" + user + "', not a numeric non-root user");
            }
            String entrypoint = config.path("Entrypoint").toString();
            for (String flag : List.of("-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-cp")) {
                if (!entrypoint.contains(flag)) {
                    problems.add(module + ": entrypoint lacks " + flag + ": " + entrypoint);
                }
            }
            List<String> layerFiles = new ArrayList<>();
            int applicationLayers = 0;
            for (JsonNode layer : manifest.path("Layers")) {
                List<String> files = layers.getOrDefault(layer.asText(), List.of());
                layerFiles.addAll(files);
                if (files.stream().anyMatch(f -> f.startsWith("app/"))) {
                    applicationLayers++;
                }
            }
            if (applicationLayers < 3) {
                problems.add(module + ": the application is in " + applicationLayers + " layer(s), not layered");
            }
            // Jib's layers, one per kind, each its own layer: what changes with a commit ships alone
            JsonNode fullConfig = json.readTree(entries.get(manifest.path("Config").asText()));
            List<String> kinds = new ArrayList<>();
            fullConfig.path("history").forEach(step -> {
                if (step.path("created_by").asText().startsWith("jib-") && !step.path("empty_layer").asBoolean()) {
                    kinds.add(step.path("comment").asText());
                }
            });
            for (String kind : List.of("dependencies", "resources", "classes")) {
                if (!kinds.contains(kind)) {
                    problems.add(module + ": no layer of " + kind + " (Jib's layers: " + kinds + ")");
                }
            }
            if (!kinds.contains("project dependencies") && !kinds.contains("snapshot dependencies")) {
                problems.add(module + ": the reactor's own jars (service-kit, event-contracts) are not in a layer of "
                        + "their own (Jib's layers: " + kinds + ")");
            }
            String mainClass = config.path("Entrypoint").path(config.path("Entrypoint").size() - 1).asText();
            if (!layerFiles.contains("app/classes/" + mainClass.replace('.', '/') + ".class")) {
                problems.add(module + ": the entrypoint's main class " + mainClass + " is not in app/classes");
            }
            // a runtime inside: the entrypoint's java on the image's PATH (a base image of scratch has none)
            List<String> path = new ArrayList<>();
            config.path("Env").forEach(e -> {
                if (e.asText().startsWith("PATH=")) {
                    path.addAll(List.of(e.asText().substring(5).split(":")));
                }
            });
            String command = config.path("Entrypoint").path(0).asText();
            boolean runtime = command.startsWith("/") ? layerFiles.contains(command.substring(1))
                    : path.stream().anyMatch(dir -> layerFiles.contains((dir + "/" + command).replaceFirst("^/", "")));
            if (!runtime) {
                problems.add(module + ": no '" + command + "' in the image on PATH " + path
                        + " (built on a base without a JRE?)");
            }
            if (layerFiles.stream().noneMatch(f -> f.startsWith("app/libs/") && f.endsWith(".jar"))
                    || layerFiles.stream().noneMatch(f -> f.startsWith("app/classes/") && f.endsWith(".class"))) {
                problems.add(module + ": no app/libs/*.jar or app/classes/**/*.class in the image");
            }
        }
        assertThat(problems).isEmpty();
    }

    interface Entry {
        void accept(String name, InputStream content) throws IOException;
    }

    /** A minimal ustar reader (names up to 100 + 155 characters, regular files and directories). */
    private static void readTar(InputStream in, Entry entry) throws IOException {
        byte[] header = new byte[512];
        while (in.readNBytes(header, 0, 512) == 512) {
            if (header[0] == 0) {
                return;
            }
            String name = field(header, 0, 100);
            String prefix = field(header, 345, 155);
            long size = Long.parseLong(field(header, 124, 12).trim().isEmpty() ? "0" : field(header, 124, 12).trim(),
                    8);
            InputStream content = new InputStream() {
                long remaining = size;

                @Override
                public int read() throws IOException {
                    if (remaining <= 0) {
                        return -1;
                    }
                    int b = in.read();
                    remaining -= b < 0 ? remaining : 1;
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    if (remaining <= 0) {
                        return -1;
                    }
                    int read = in.read(buffer, offset, (int) Math.min(length, remaining));
                    remaining -= read < 0 ? remaining : read;
                    return read;
                }

                @Override
                public void close() {
                }
            };
            entry.accept(prefix.isEmpty() ? name : prefix + "/" + name, content);
            content.skip(Long.MAX_VALUE);
            while (content.read() >= 0) {
                // drain what the consumer left (skip may stop early)
            }
            in.skipNBytes((512 - size % 512) % 512);
        }
    }

    private static String field(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }
}
