package org.liuhua.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.liuhua.events.Topics;

/**
 * What the code declares, read from the sources and the packaged configuration (not from running services): the
 * topics, the Kafka listeners with their groups, the configuration keys each deployable reads, the meters it
 * registers. Read afresh on every build, so the manifests are checked against the code as it is now.
 */
final class CodeFacts {

    record Listener(String module, String source, List<String> topics, String groupId) {
    }

    /** Keys every service reads that no source file names: the connection to Kafka (TLS) and MongoDB. */
    static final List<String> SERVICE_CONNECTION_KEYS = List.of("spring.kafka.bootstrap-servers",
            "spring.mongodb.uri", "spring.kafka.security.protocol", "spring.kafka.ssl.key-store-location",
            "spring.kafka.ssl.key-store-password", "spring.kafka.ssl.key-store-type",
            "spring.kafka.ssl.trust-store-location", "spring.kafka.ssl.trust-store-password",
            "spring.kafka.ssl.trust-store-type");

    /** Keys read by the code that a deployment deliberately leaves unset, and why. */
    static final Map<String, String> LEFT_UNSET = Map.of(
            "liuhua.security.public-key", "a PEM key for tests instead of the issuer's JWKS; production uses the JWKS",
            "liuhua.grid.patrol-frequency-days-by-kind", "optional per-kind overrides, none by default",
            "liuhua.lease.ttl", "optional per-lease overrides of liuhua.lease.default-ttl, none by default");

    private CodeFacts() {
    }

    // ---- topics and listeners

    /** Every topic the code declares: the constants of {@link Topics} and the dead-letter topic of each. */
    static Set<String> declaredTopics() {
        Set<String> topics = new TreeSet<>();
        for (Field field : Topics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class
                    && !field.getName().equals("DEAD_LETTER_SUFFIX")) {
                try {
                    String topic = (String) field.get(null);
                    topics.add(topic);
                    topics.add(Topics.deadLetter(topic));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return topics;
    }

    static String topicConstant(String expression) {
        String e = expression.trim();
        if (e.startsWith("\"")) {
            return e.substring(1, e.length() - 1);
        }
        String name = e.substring(e.lastIndexOf('.') + 1);
        try {
            return (String) Topics.class.getField(name).get(null);
        } catch (ReflectiveOperationException ex) {
            throw new IllegalStateException("cannot resolve topic expression " + expression);
        }
    }

    /** Every {@code @KafkaListener} in the deployables' main sources. */
    static List<Listener> listeners() {
        List<Listener> listeners = new ArrayList<>();
        Pattern annotation = Pattern.compile("@KafkaListener\\s*\\(([^)]*)\\)", Pattern.DOTALL);
        for (String module : Repo.deployables()) {
            for (Path source : javaSources(module)) {
                String code = stripComments(Repo.read(source));
                Matcher m = annotation.matcher(code);
                while (m.find()) {
                    String args = m.group(1);
                    Matcher topics = Pattern.compile("topics\\s*=\\s*(\\{[^}]*}|[^,]+)").matcher(args);
                    Matcher group = Pattern.compile("groupId\\s*=\\s*([^,]+)").matcher(args);
                    if (!topics.find() || !group.find()) {
                        throw new IllegalStateException(source + ": a @KafkaListener without topics= and groupId= ("
                                + args.trim() + "); deploy-check needs both to derive the Kafka ACLs");
                    }
                    List<String> names = new ArrayList<>();
                    for (String t : topics.group(1).replace("{", "").replace("}", "").split(",")) {
                        if (!t.isBlank()) {
                            names.add(topicConstant(t));
                        }
                    }
                    listeners.add(new Listener(module, Repo.ROOT.relativize(source).toString(), names,
                            constant(code, group.group(1).trim(), source)));
                }
            }
        }
        return listeners;
    }

    private static String constant(String code, String expression, Path source) {
        if (expression.startsWith("\"")) {
            return expression.substring(1, expression.length() - 1);
        }
        Matcher m = Pattern.compile("String\\s+" + Pattern.quote(expression) + "\\s*=\\s*\"([^\"]*)\"").matcher(code);
        if (!m.find()) {
            throw new IllegalStateException(source + ": cannot resolve the groupId " + expression);
        }
        return m.group(1);
    }

    // ---- configuration

    /** The packaged application.yml of a module, flattened to dotted keys (lists kept as values). */
    static Map<String, Object> packagedConfig(String module) {
        Path file = Repo.ROOT.resolve(module).resolve("src/main/resources/application.yml");
        Map<String, Object> flat = new LinkedHashMap<>();
        if (Files.exists(file)) {
            flatten("", Kustomize.yaml().load(Repo.read(file)), flat);
        }
        return flat;
    }

    private static void flatten(String prefix, Object value, Map<String, Object> into) {
        if (value instanceof Map<?, ?> map && !map.isEmpty()) {
            map.forEach((k, v) -> flatten(prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k, v, into));
        } else {
            into.put(prefix, value);
        }
    }

    /** Keys of the packaged application.yml whose value is a placeholder ({@code ${NAME:default}}), with NAME. */
    static Map<String, String> placeholderFeeds(String module) {
        Map<String, String> feeds = new LinkedHashMap<>();
        packagedConfig(module).forEach((key, value) -> {
            Matcher m = Pattern.compile("^\\$\\{([A-Za-z0-9_.\\-]+)(:[^}]*)?}$").matcher(String.valueOf(value));
            if (m.find()) {
                feeds.put(key, m.group(1));
            }
        });
        return feeds;
    }

    /** Placeholders of the packaged application.yml: names read from the environment, e.g. GRID_SERVICE_URI. */
    static Set<String> placeholders(String module) {
        Path file = Repo.ROOT.resolve(module).resolve("src/main/resources/application.yml");
        Set<String> names = new TreeSet<>();
        if (Files.exists(file)) {
            Matcher m = Pattern.compile("\\$\\{([A-Za-z0-9_.\\-]+)(:[^}]*)?}").matcher(Repo.read(file));
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /**
     * Placeholders with a default ({@code ${liuhua.security.issuer:…}}) in the properties and YAML files a module
     * packages (e.g. defaults that map a liuhua.* key onto a Spring Boot property), except Spring's own keys.
     */
    static Set<String> defaultedPlaceholders(String module) {
        Path resources = Repo.ROOT.resolve(module).resolve("src/main/resources");
        Set<String> names = new TreeSet<>();
        if (!Files.isDirectory(resources)) {
            return names;
        }
        try (var files = Files.walk(resources)) {
            for (Path file : files.filter(f -> f.toString().matches(".*\\.(properties|ya?ml)$")).toList()) {
                Matcher m = Pattern.compile("\\$\\{([A-Za-z0-9_.\\-]+):").matcher(Repo.read(file));
                while (m.find()) {
                    if (!m.group(1).startsWith("spring.")) {
                        names.add(m.group(1));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    /**
     * The configuration keys a deployable reads: the liuhua.* keys of its application.yml, every component of the
     * {@code @ConfigurationProperties} records in it and in the reactor modules it runs with (service-kit, …), every
     * {@code @Value} key with a default there, the placeholders of its application.yml, and for users of service-kit
     * the Kafka/MongoDB connection keys — less {@link #LEFT_UNSET}.
     */
    static Set<String> keysRead(String module) {
        Set<String> keys = new TreeSet<>();
        packagedConfig(module).keySet().stream().filter(k -> k.startsWith("liuhua.")).forEach(keys::add);
        List<Path> sources = new ArrayList<>();
        Repo.runtimeModules(module).forEach(m -> sources.addAll(javaSources(m)));
        if (Repo.runtimeModules(module).contains("service-kit")) {
            keys.addAll(SERVICE_CONNECTION_KEYS);
        }
        for (Path source : sources) {
            String code = stripComments(Repo.read(source));
            keys.addAll(configurationProperties(code));
            Matcher value = Pattern.compile("@Value\\(\"\\$\\{([^:}]+):[^}]*}\"\\)").matcher(code);
            while (value.find()) {
                keys.add(value.group(1));
            }
        }
        keys.addAll(placeholders(module));
        for (String runtime : Repo.runtimeModules(module)) {
            keys.addAll(defaultedPlaceholders(runtime));
        }
        keys.removeAll(LEFT_UNSET.keySet());
        return keys;
    }

    static Set<String> configurationProperties(String code) {
        Set<String> keys = new LinkedHashSet<>();
        Matcher m = Pattern.compile("@ConfigurationProperties\\(\\s*(?:(?:value|prefix)\\s*=\\s*)?\"([^\"]+)\"\\s*\\)"
                + "\\s*(?:@\\w+\\s*)*public\\s+record\\s+(\\w+)\\s*\\(").matcher(code);
        while (m.find()) {
            components(code, m.group(2), m.group(1), keys, 0);
        }
        return keys;
    }

    private static void components(String code, String record, String prefix, Set<String> keys, int depth) {
        Matcher m = Pattern.compile("record\\s+" + record + "\\s*\\(").matcher(code);
        if (!m.find() || depth > 5) {
            keys.add(prefix);
            return;
        }
        int start = m.end();
        int level = 1;
        int i = start;
        while (level > 0) {
            char c = code.charAt(i++);
            level += c == '(' ? 1 : c == ')' ? -1 : 0;
        }
        String list = code.substring(start, i - 1).replaceAll("@\\w+(\\([^)]*\\))?", "");
        List<String> parts = new ArrayList<>();
        int angle = 0;
        StringBuilder current = new StringBuilder();
        for (char c : list.toCharArray()) {
            angle += c == '<' ? 1 : c == '>' ? -1 : 0;
            if (c == ',' && angle == 0) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        for (String part : parts) {
            String[] words = part.trim().split("\\s+");
            if (words.length < 2) {
                continue;
            }
            String type = String.join(" ", java.util.Arrays.copyOf(words, words.length - 1)).replaceAll("<.*", "");
            String key = prefix + "." + kebab(words[words.length - 1]);
            if (Pattern.compile("record\\s+" + type + "\\s*\\(").matcher(code).find()) {
                components(code, type, key, keys, depth + 1);
            } else {
                keys.add(key);
            }
        }
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }

    // ---- meters

    /**
     * The Prometheus names of the meters the deployables and service-kit register themselves (Counter → _total,
     * Timer → _seconds_count/_sum/_max, Gauge → as is, DistributionSummary → _count/_sum/_max).
     */
    static Set<String> meterNames() {
        Set<String> names = new TreeSet<>();
        Set<String> modules = new TreeSet<>();
        Repo.deployables().forEach(d -> modules.addAll(Repo.runtimeModules(d)));
        Pattern builder = Pattern.compile(
                "(Counter|Timer|Gauge|DistributionSummary|LongTaskTimer)\\.builder\\(\\s*\"([^\"]+)\"");
        Pattern shortcut = Pattern.compile("\\.(counter|timer|gauge|summary)\\(\\s*\"([^\"]+)\"");
        for (String module : modules) {
            for (Path source : javaSources(module)) {
                String code = stripComments(Repo.read(source));
                for (Pattern p : List.of(builder, shortcut)) {
                    Matcher m = p.matcher(code);
                    while (m.find()) {
                        String base = m.group(2).replace('.', '_').replace('-', '_');
                        switch (m.group(1).toLowerCase()) {
                            case "counter" -> names.add(base + "_total");
                            case "timer", "longtasktimer" -> List.of("_seconds_count", "_seconds_sum",
                                    "_seconds_max").forEach(s -> names.add(base + s));
                            case "distributionsummary", "summary" -> List.of("_count", "_sum", "_max")
                                    .forEach(s -> names.add(base + s));
                            default -> names.add(base);
                        }
                    }
                }
            }
        }
        return names;
    }

    // ---- sources

    static List<Path> javaSources(String module) {
        Path root = Repo.ROOT.resolve(module).resolve("src/main/java");
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (var files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Java source without comments (string literals kept as they are). */
    static String stripComments(String code) {
        StringBuilder out = new StringBuilder(code.length());
        int i = 0;
        while (i < code.length()) {
            char c = code.charAt(i);
            if (c == '"' || c == '\'') {
                if (code.startsWith("\"\"\"", i)) {
                    int end = code.indexOf("\"\"\"", i + 3);
                    end = end < 0 ? code.length() : end + 3;
                    out.append(code, i, end);
                    i = end;
                    continue;
                }
                int j = i + 1;
                while (j < code.length() && code.charAt(j) != c) {
                    j += code.charAt(j) == '\\' ? 2 : 1;
                }
                j = Math.min(j + 1, code.length());
                out.append(code, i, j);
                i = j;
            } else if (code.startsWith("//", i)) {
                int end = code.indexOf('\n', i);
                i = end < 0 ? code.length() : end;
            } else if (code.startsWith("/*", i)) {
                int end = code.indexOf("*/", i + 2);
                i = end < 0 ? code.length() : end + 2;
                out.append(' ');
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
