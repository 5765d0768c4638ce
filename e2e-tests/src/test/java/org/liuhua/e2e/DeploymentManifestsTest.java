package org.liuhua.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.liuhua.events.Topics;
import org.liuhua.platform.Platform;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/** The Kubernetes base deploys every deployable of the build the way the platform expects to run. */
class DeploymentManifestsTest {

    static final Path BASE = Path.of(System.getProperty("liuhua.repo", "..")).resolve("deploy/k8s/base");

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> documents() throws IOException {
        List<Map<String, Object>> all = new ArrayList<>();
        try (var files = Files.list(BASE)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                for (Object doc : new Yaml().loadAll(Files.readString(file))) {
                    if (doc instanceof Map<?, ?> map) {
                        all.add((Map<String, Object>) map);
                    }
                }
            }
        }
        return all;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value, String key) {
        return (Map<String, Object>) ((Map<String, Object>) value).get(key);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyServiceAndTheGatewayHasADeploymentWithProbesAGracefulStopAndMetrics() throws IOException {
        List<Map<String, Object>> deployments = documents().stream()
                .filter(d -> "Deployment".equals(d.get("kind"))).toList();
        Set<String> names = deployments.stream().map(d -> (String) map(d, "metadata").get("name"))
                .collect(Collectors.toSet());
        List<String> expected = new ArrayList<>(Platform.SERVICES);
        expected.add("gateway");
        assertThat(names).containsExactlyInAnyOrderElementsOf(expected);

        for (Map<String, Object> deployment : deployments) {
            Map<String, Object> template = map(map(deployment, "spec"), "template");
            assertThat(map(map(template, "metadata"), "annotations")).containsEntry("prometheus.io/path",
                    "/actuator/prometheus");
            Map<String, Object> container = ((List<Map<String, Object>>) map(template, "spec").get("containers"))
                    .get(0);
            assertThat(map(map(container, "readinessProbe"), "httpGet").get("path"))
                    .isEqualTo("/actuator/health/readiness");
            assertThat(map(map(container, "livenessProbe"), "httpGet").get("path"))
                    .isEqualTo("/actuator/health/liveness");
            assertThat(map(container, "lifecycle")).containsKey("preStop");
            List<Map<String, Object>> env = (List<Map<String, Object>>) container.get("env");
            assertThat(env).anySatisfy(e -> assertThat(e.get("name")).isEqualTo("PORT"));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyTopicAndItsDeadLetterTopicIsDeclared() throws IOException {
        Set<String> topics = documents().stream().filter(d -> "KafkaTopic".equals(d.get("kind")))
                .map(d -> {
                    Object topicName = map(d, "spec").get("topicName");
                    return topicName != null ? (String) topicName : (String) map(d, "metadata").get("name");
                }).collect(Collectors.toSet());
        assertThat(topics).contains(Topics.GRID, Topics.HAZARD, Topics.TRAINING, Topics.MANUAL, Topics.AUDIT,
                Topics.deadLetter(Topics.GRID), Topics.deadLetter(Topics.HAZARD), Topics.deadLetter(Topics.AUDIT));
    }
}
