package org.liuhua.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every configuration key the services and the gateway read (CodeFacts.keysRead: their application.yml, their
 * {@code @ConfigurationProperties} records, {@code @Value} keys, placeholders, the connection settings) is set by the
 * Deployment — as an environment variable (Spring's relaxed binding) or as a file of its configtree — and every
 * setting the Deployment makes is one the code reads (so a misspelled key cannot hide).
 */
class ConfigurationTest {

    /** Environment variables read by the JVM or Spring Boot itself, not by the application's configuration. */
    static final Set<String> PLATFORM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS", "SPRING_CONFIG_ADDITIONAL_LOCATION",
            "SPRING_KAFKA_ADMIN_AUTO_CREATE", "MANAGEMENT_SERVER_PORT",
            "MANAGEMENT_ENDPOINT_HEALTH_PROBES_ADD_ADDITIONAL_PATHS");
    /**
     * Settings that are code, not configuration, with the code's default where the packaged application.yml says
     * nothing (null: must then be absent or empty). A deployment that changed them would, e.g., stop relaying a
     * collection's outbox or publish to another topic.
     */
    static final Map<String, String> STRUCTURAL = new java.util.LinkedHashMap<>();

    static {
        STRUCTURAL.put("liuhua.events.topic", null);
        STRUCTURAL.put("liuhua.outbox.collections", "");
        STRUCTURAL.put("liuhua.security.public-paths", "");
        STRUCTURAL.put("liuhua.audit.collection", "audit_log");
        STRUCTURAL.put("liuhua.security.audience", "liuhua-api");
    }

    static Stream<String> overlays() {
        return Repo.overlays().stream();
    }

    static String canonical(String key) {
        return key.toLowerCase().replace("-", "");
    }

    static Set<String> environmentForms(String key) {
        return new java.util.HashSet<>(List.of(key.replace('.', '_').replace("-", "").toUpperCase(),
                key.replace('.', '_').replace('-', '_').toUpperCase(), key));
    }

    static boolean isSet(String key, Map<String, String> environment, Map<String, String> tree) {
        if (environmentForms(key).stream().anyMatch(environment::containsKey)) {
            return true;
        }
        String canonical = canonical(key);
        return tree.keySet().stream().map(ConfigurationTest::canonical)
                .anyMatch(k -> k.equals(canonical) || k.startsWith(canonical + "."));
    }

    @Test
    void theKeysReadAreFoundInTheCode() {
        assertThat(CodeFacts.keysRead("hazard-service")).contains("liuhua.hazard.deadline-days-general",
                "liuhua.hazard.escalation.enabled", "liuhua.outbox.lease-ttl", "liuhua.zone",
                "liuhua.events.retries", "spring.mongodb.uri", "PORT");
        assertThat(CodeFacts.keysRead("grid-service")).contains("liuhua.grid.staffing.town-safety-staff",
                "liuhua.grid.patrol-frequency-days");
        assertThat(CodeFacts.keysRead("gateway")).contains("liuhua.gateway.rate-limit.burst",
                "liuhua.gateway.max-body-size", "GRID_SERVICE_URI").doesNotContain("spring.mongodb.uri")
                .anyMatch(k -> environmentForms(k).contains("LIUHUA_SECURITY_ISSUER"));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyKeyTheServicesReadIsSet(String overlay) {
        Rendered r = Rendered.of(overlay);
        List<String> problems = new ArrayList<>();
        for (String module : Repo.deployables()) {
            Map<String, Object> deployment = r.get("Deployment", module);
            Map<String, String> environment = r.environment(deployment);
            Map<String, String> tree = r.configTree(deployment);
            Map<String, String> feeds = CodeFacts.placeholderFeeds(module);
            for (String key : CodeFacts.keysRead(module)) {
                // a key the packaged application.yml fills from a placeholder is set when the placeholder is
                boolean fed = feeds.containsKey(key) && isSet(feeds.get(key), environment, tree);
                boolean mustBeAbsent = STRUCTURAL.containsKey(key) && STRUCTURAL.get(key) == null
                        && !CodeFacts.packagedConfig(module).containsKey(key);
                if (!mustBeAbsent && !fed && !isSet(key, environment, tree)) {
                    problems.add(module + ": " + key + " is read by the code but not set");
                }
            }
        }
        assertThat(problems).as(overlay).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everySettingIsOneTheCodeReads(String overlay) {
        Rendered r = Rendered.of(overlay);
        List<String> problems = new ArrayList<>();
        for (String module : Repo.deployables()) {
            Map<String, Object> deployment = r.get("Deployment", module);
            Set<String> read = CodeFacts.keysRead(module);
            Set<String> canonicalRead = read.stream().map(ConfigurationTest::canonical).collect(Collectors.toSet());
            for (String key : r.configTree(deployment).keySet()) {
                String canonical = canonical(key);
                boolean known = canonicalRead.stream().anyMatch(k -> canonical.equals(k)
                        || canonical.startsWith(k + "."));
                if (!known && !CodeFacts.packagedConfig(module).containsKey(key)) {
                    problems.add(module + ": setting " + key + " is read by nothing");
                }
            }
            for (String variable : r.environment(deployment).keySet()) {
                boolean known = PLATFORM_VARIABLES.contains(variable)
                        || read.stream().anyMatch(k -> environmentForms(k).contains(variable));
                if (!known) {
                    problems.add(module + ": environment variable " + variable + " is read by nothing");
                }
            }
        }
        assertThat(problems).as(overlay).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void settingsThatAreCodeMatchThePackagedConfiguration(String overlay) {
        Rendered r = Rendered.of(overlay);
        List<String> problems = new ArrayList<>();
        for (String module : Repo.services()) {
            Map<String, String> tree = r.configTree(r.get("Deployment", module));
            Map<String, Object> packaged = CodeFacts.packagedConfig(module);
            if (tree.containsKey("liuhua.events.source") && !module.equals(tree.get("liuhua.events.source"))) {
                problems.add(module + ": liuhua.events.source must be the service's name (events and audit entries "
                        + "say where they come from)");
            }
            for (Map.Entry<String, String> structural : STRUCTURAL.entrySet()) {
                String key = structural.getKey();
                String expected = packaged.containsKey(key) ? normalise(packaged.get(key)) : structural.getValue();
                String deployed = tree.containsKey(key) ? normalise(tree.get(key)) : null;
                boolean same = java.util.Objects.equals(expected, deployed)
                        || ("".equals(expected) && deployed == null);
                if (!same) {
                    problems.add(module + ": " + key + " is " + deployed + " but the code says " + expected);
                }
            }
        }
        assertThat(problems).as(overlay).isEmpty();
    }

    private static String normalise(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).map(String::trim).collect(Collectors.joining(","));
        }
        return java.util.Arrays.stream(String.valueOf(value).split(",")).map(String::trim)
                .collect(Collectors.joining(","));
    }
}
