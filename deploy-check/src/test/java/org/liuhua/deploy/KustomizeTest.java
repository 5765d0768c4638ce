package org.liuhua.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.liuhua.deploy.Rendered.at;

/** The in-test renderer does what kustomize does for the constructs deploy/k8s uses, and refuses the others. */
class KustomizeTest {

    @TempDir
    Path dir;

    Path write(String path, String text) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    void base() throws IOException {
        write("base/kustomization.yaml", """
                namespace: ns
                resources: [app.yaml]
                configMapGenerator:
                  - name: files
                    files: [a.json]
                    options: {disableNameSuffixHash: true, labels: {x: "1"}}
                images:
                  - {name: repo/app, newTag: "2"}
                """);
        write("base/a.json", "{}");
        write("base/app.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: app}
                spec:
                  replicas: 2
                  template:
                    spec:
                      containers: [{name: app, image: repo/app, env: [{name: A, value: "1"}]}]
                ---
                apiVersion: example.org/v1
                kind: Thing
                metadata: {name: thing-one, labels: {l: a}}
                spec: {list: [1, 2], keep: true, drop: x, nested: {a: 1}}
                ---
                apiVersion: example.org/v1
                kind: Thing
                metadata: {name: thing-two}
                spec: {list: [3]}
                """);
    }

    @Test
    void rendersResourcesGeneratorsPatchesNamespaceReplicasAndImagesInKustomizesOrder() throws IOException {
        base();
        write("overlay/kustomization.yaml", """
                resources: [../base]
                replicas: [{name: app, count: 5}]
                patches:
                  - path: smp.yaml
                  - target: {kind: Thing, name: "thing-.*"}
                    patch: |-
                      - {op: add, path: /spec/added, value: 7}
                  - target: {kind: Deployment}
                    patch: |-
                      - {op: replace, path: /spec/template/spec/containers/0/env/0/value, value: "2"}
                """);
        write("overlay/smp.yaml", """
                apiVersion: example.org/v1
                kind: Thing
                metadata: {name: thing-one}
                spec: {list: [9], drop: null, nested: {b: 2}}
                ---
                apiVersion: example.org/v1
                kind: Thing
                metadata: {name: thing-two}
                $patch: delete
                """);
        List<Map<String, Object>> objects = Kustomize.render(dir.resolve("overlay"));
        assertThat(objects).extracting(o -> (Object) o.get("kind")).containsExactly("Deployment", "Thing",
                "ConfigMap");
        Map<String, Object> app = objects.get(0);
        assertThat((Object) at(app, "metadata", "namespace")).isEqualTo("ns");
        assertThat((Object) at(app, "spec", "replicas")).isEqualTo(5);
        assertThat(Rendered.container(app)).containsEntry("image", "repo/app:2");
        assertThat(Kustomize.maps(Rendered.container(app).get("env")).get(0)).containsEntry("value", "2");
        Map<String, Object> thing = objects.get(1);
        assertThat((Map<String, Object>) at(thing, "spec")).containsEntry("list", List.of(9))
                .containsEntry("keep", true).doesNotContainKey("drop").containsEntry("added", 7)
                .containsEntry("nested", Map.of("a", 1, "b", 2));
        assertThat((Object) at(objects.get(2), "data", "a.json")).isEqualTo("{}");
        assertThat((Object) at(objects.get(2), "metadata", "labels", "x")).isEqualTo("1");
    }

    @Test
    void refusesWhatItDoesNotImplementAndTargetsThatMatchNothing() throws IOException {
        base();
        write("o1/kustomization.yaml", "resources: [../base]\ncommonLabels: {a: b}\n");
        assertThatThrownBy(() -> Kustomize.render(dir.resolve("o1"))).hasMessageContaining("commonLabels");
        write("o2/kustomization.yaml", """
                resources: [../base]
                patches:
                  - target: {kind: Thing, name: thing-thre}
                    patch: |-
                      - {op: add, path: /spec/x, value: 1}
                """);
        assertThatThrownBy(() -> Kustomize.render(dir.resolve("o2"))).hasMessageContaining("matches nothing");
        write("o3/kustomization.yaml", "resources: [../base]\npatches: [{path: p.yaml}]\n");
        write("o3/p.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: app}
                spec: {template: {spec: {containers: [{name: app, image: other}]}}}
                """);
        assertThatThrownBy(() -> Kustomize.render(dir.resolve("o3"))).hasMessageContaining("JSON 6902");
        write("o4/kustomization.yaml", """
                resources: [../base]
                patches:
                  - target: {kind: Deployment}
                    patch: |-
                      - {op: replace, path: /spec/nothing/here, value: 1}
                """);
        assertThatThrownBy(() -> Kustomize.render(dir.resolve("o4"))).hasMessageContaining("does not exist");
    }

    @Test
    void aMisspelledFieldOrAWrongTypeIsAnError() {
        Map<String, Object> deployment = Kustomize.castMap(Kustomize.yaml().load("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: app}
                spec:
                  replicas: 1
                  selector: {matchLabels: {a: b}}
                  template:
                    metadata: {labels: {a: b}}
                    spec:
                      containers:
                        - name: app
                          image: x
                          readinessProbe: {httpGet: {path: /, port: 8080}, periodSecond: 5}
                """));
        assertThat(KubernetesTypes.validate(deployment)).singleElement().asString().contains("periodSecond");
        Map<String, Object> typed = Kustomize.castMap(Kustomize.yaml().load("""
                apiVersion: v1
                kind: Service
                metadata: {name: s}
                spec: {ports: [{port: "80"}]}
                """));
        assertThat(KubernetesTypes.validate(typed)).isNotEmpty();
        Map<String, Object> stringValue = Kustomize.castMap(Kustomize.yaml().load("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: c}
                data: {a: 1}
                """));
        assertThat(KubernetesTypes.validate(stringValue)).isNotEmpty();
        Map<String, Object> topic = Kustomize.castMap(Kustomize.yaml().load("""
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata: {name: t}
                spec: {partitions: 3, replica: 3}
                """));
        assertThat(ManifestsTest.CRDS.validate(topic)).singleElement().asString().contains("spec.replica");
    }
}
