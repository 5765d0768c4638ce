package org.liuhua.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The repository as the checks see it: modules, the deployables (modules that build an image), the overlays. */
final class Repo {

    static final Path ROOT = Path.of(System.getProperty("liuhua.repo", "..")).toAbsolutePath().normalize();
    static final Path DEPLOY = ROOT.resolve("deploy");
    static final Path K8S = DEPLOY.resolve("k8s");
    static final String VERSION = System.getProperty("liuhua.version", "0.1.0-SNAPSHOT");
    static final String IMAGE_PREFIX = "liuhua/";

    private static final Map<String, List<Map<String, Object>>> RENDERED = new LinkedHashMap<>();

    private Repo() {
    }

    static List<String> modules() {
        List<String> modules = new ArrayList<>();
        Matcher m = Pattern.compile("<module>([^<]+)</module>").matcher(read(ROOT.resolve("pom.xml")));
        while (m.find()) {
            modules.add(m.group(1));
        }
        return modules;
    }

    /** Modules whose pom enables the image build (the root pom's "images" profile): the services and the gateway. */
    static List<String> deployables() {
        return modules().stream()
                .filter(m -> read(ROOT.resolve(m).resolve("pom.xml")).contains("<jib.skip>false</jib.skip>"))
                .toList();
    }

    static List<String> services() {
        return deployables().stream().filter(m -> m.endsWith("-service")).toList();
    }

    /** The reactor modules {@code module} uses at run time (not test-jars or test scope), transitively. */
    static List<String> runtimeModules(String module) {
        java.util.Set<String> found = new java.util.LinkedHashSet<>();
        java.util.Deque<String> todo = new java.util.ArrayDeque<>(List.of(module));
        List<String> reactor = modules();
        while (!todo.isEmpty()) {
            String current = todo.pop();
            if (!found.add(current)) {
                continue;
            }
            Matcher m = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL)
                    .matcher(read(ROOT.resolve(current).resolve("pom.xml")));
            while (m.find()) {
                String dependency = m.group(1);
                Matcher artifact = Pattern.compile("<artifactId>([^<]+)</artifactId>").matcher(dependency);
                if (artifact.find() && reactor.contains(artifact.group(1)) && !dependency.contains("test-jar")
                        && !dependency.contains("<scope>test</scope>")) {
                    todo.add(artifact.group(1));
                }
            }
        }
        return List.copyOf(found);
    }

    static List<String> overlays() {
        try (var dirs = Files.list(K8S.resolve("overlays"))) {
            return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The rendered overlay (cached: the objects are shared by the checks; tests must not change them), also written
     * to deploy-check/target/rendered/&lt;overlay&gt;.yaml for review or {@code kubectl apply -f} where kustomize is missing.
     */
    static synchronized List<Map<String, Object>> rendered(String overlay) {
        return RENDERED.computeIfAbsent(overlay, o -> {
            List<Map<String, Object>> objects = Kustomize.render(K8S.resolve("overlays").resolve(o));
            org.yaml.snakeyaml.DumperOptions options = new org.yaml.snakeyaml.DumperOptions();
            options.setDefaultFlowStyle(org.yaml.snakeyaml.DumperOptions.FlowStyle.BLOCK);
            options.setSplitLines(false);
            try {
                Path out = ROOT.resolve("deploy-check/target/rendered").resolve(o + ".yaml");
                Files.createDirectories(out.getParent());
                Files.writeString(out, new org.yaml.snakeyaml.Yaml(options).dumpAll(objects.iterator()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return objects;
        });
    }

    /** Overlays where data must survive a node: Kafka and MongoDB replicated 3 times. */
    static boolean replicated(String overlay) {
        return !overlay.equals("dev");
    }

    static String read(Path file) {
        return Kustomize.read(file);
    }
}
