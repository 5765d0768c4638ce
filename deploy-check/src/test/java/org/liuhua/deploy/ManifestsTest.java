package org.liuhua.deploy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.StatefulSetSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.liuhua.deploy.Kustomize.maps;
import static org.liuhua.deploy.Rendered.at;
import static org.liuhua.deploy.Rendered.name;

/**
 * Every overlay renders, every object is valid against its Kubernetes API type or its operator's CRD schema, and the
 * workloads are shaped the way the platform needs to run (probes, resources, graceful stop, spread, disruption
 * budget, autoscaler, scraping, images, references, secrets, network policies, identity).
 */
class ManifestsTest {

    static final CrdSchemas CRDS = new CrdSchemas(Repo.DEPLOY.resolve("crds"));

    static Stream<String> overlays() {
        return Repo.overlays().stream();
    }

    @Test
    void theOverlaysAreDevProductionAndProvince() {
        assertThat(Repo.overlays()).containsExactly("dev", "production", "province");
        assertThat(CRDS.size()).as("CRD versions in deploy/crds").isGreaterThanOrEqualTo(9);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyObjectIsValidAgainstItsApiTypeOrItsCrdSchema(String overlay) {
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Map<String, Object> object : Repo.rendered(overlay)) {
            String id = object.get("apiVersion") + " " + object.get("kind") + " " + name(object);
            if (!ids.add(Kustomize.group(object) + "/" + object.get("kind") + "/" + at(object, "metadata",
                    "namespace") + "/" + name(object))) {
                problems.add(id + ": defined twice");
            }
            List<String> found;
            if (KubernetesTypes.known(object)) {
                found = KubernetesTypes.validate(object);
            } else if (CRDS.known(object)) {
                found = CRDS.validate(object);
            } else {
                found = List.of("neither a known Kubernetes type nor a CRD in deploy/crds");
            }
            found.forEach(p -> problems.add(id + ": " + p));
            String name = name(object);
            if (name == null || !name.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*")
                    || name.length() > 253) {
                problems.add(id + ": the name is not a DNS subdomain");
            }
            if (Set.of("Service", "Namespace").contains(object.get("kind"))
                    && !name.matches("[a-z]([-a-z0-9]*[a-z0-9])?")) {
                problems.add(id + ": the name is not a DNS label");
            }
        }
        // the pod template the MongoDB operator merges into its StatefulSet is a Kubernetes type too
        for (Map<String, Object> mongo : Rendered.of(overlay).kind("MongoDBCommunity")) {
            Object spec = at(mongo, "spec", "statefulSet", "spec");
            KubernetesTypes.read(spec, StatefulSetSpec.class).forEach(p -> problems.add("MongoDBCommunity "
                    + name(mongo) + " spec.statefulSet.spec: " + p));
        }
        assertThat(problems).as(overlay).isEmpty();
    }

    @Test
    void theOperationsPodsAreValidAndReachOnlyWhatTheirLabelsAllow() throws java.io.IOException {
        try (var files = java.nio.file.Files.list(Repo.K8S.resolve("ops"))) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                for (Map<String, Object> pod : Kustomize.documents(file)) {
                    assertThat(KubernetesTypes.validate(pod)).as(file.toString()).isEmpty();
                    assertThat(Boolean.TRUE.equals(at(pod, "spec", "securityContext", "runAsNonRoot"))).isTrue();
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyServiceAndTheGatewayRunWithProbesResourcesAGracefulStopAndSpread(String overlay) {
        Rendered r = Rendered.of(overlay);
        assertThat(r.kind("Deployment").stream().map(Rendered::name))
                .containsExactlyInAnyOrderElementsOf(Repo.deployables());
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> deployment : r.kind("Deployment")) {
            String name = name(deployment);
            Map<String, Object> container = Rendered.container(deployment);
            Set<String> ports = new HashSet<>();
            maps(container.get("ports")).forEach(p -> {
                ports.add(String.valueOf(p.get("name")));
                ports.add(String.valueOf(p.get("containerPort")));
            });
            for (String[] probe : new String[][]{{"livenessProbe", "/livez"}, {"readinessProbe", "/readyz"},
                    {"startupProbe", "/livez"}}) {
                Object path = at(container, probe[0], "httpGet", "path");
                Object port = at(container, probe[0], "httpGet", "port");
                if (!probe[1].equals(path)) {
                    problems.add(name + ": " + probe[0] + " must GET " + probe[1] + " (is " + path + ")");
                } else if (!ports.contains(String.valueOf(port))) {
                    problems.add(name + ": " + probe[0] + " port " + port + " is not a container port");
                } else if (!"http".equals(String.valueOf(port)) && !"8080".equals(String.valueOf(port))) {
                    problems.add(name + ": " + probe[0] + " must use the API port (where /livez and /readyz are)");
                }
            }
            boolean management = maps(container.get("ports")).stream().anyMatch(p ->
                    "management".equals(p.get("name")) && Integer.valueOf(9090).equals(p.get("containerPort")));
            Map<String, String> environment = r.environment(deployment);
            if (!management || !"9090".equals(environment.get("MANAGEMENT_SERVER_PORT"))
                    || !"true".equals(environment.get("MANAGEMENT_ENDPOINT_HEALTH_PROBES_ADD_ADDITIONAL_PATHS"))) {
                problems.add(name + ": the actuator must have its own port 9090 named management "
                        + "(MANAGEMENT_SERVER_PORT) and the probes their paths on the API port");
            }
            for (String resource : List.of("requests.cpu", "requests.memory", "limits.memory")) {
                String[] p = resource.split("\\.");
                if (at(container, "resources", p[0], p[1]) == null) {
                    problems.add(name + ": resources." + resource + " not set");
                }
            }
            Object request = at(container, "resources", "requests", "memory");
            Object limit = at(container, "resources", "limits", "memory");
            if (request != null && limit != null && Quantity.getAmountInBytes(new Quantity(String.valueOf(limit)))
                    .compareTo(Quantity.getAmountInBytes(new Quantity(String.valueOf(request)))) < 0) {
                problems.add(name + ": memory limit below the request");
            }
            Integer sleep = at(container, "lifecycle", "preStop", "sleep", "seconds");
            Integer grace = at(deployment, "spec", "template", "spec", "terminationGracePeriodSeconds");
            if (sleep == null) {
                problems.add(name + ": no preStop pause (the Service must stop routing before shutdown)");
            } else if (grace == null || grace < sleep + 15 + 10) {
                problems.add(name + ": terminationGracePeriodSeconds " + grace + " does not cover preStop " + sleep
                        + " s + 15 s graceful shutdown + 10 s for the relay and listeners");
            }
            List<Map<String, Object>> spread = maps(at(deployment, "spec", "template", "spec",
                    "topologySpreadConstraints"));
            if (spread.isEmpty() || spread.stream().anyMatch(s -> !Rendered.selects(at(s, "labelSelector"),
                    Rendered.podLabels(deployment)))) {
                problems.add(name + ": topologySpreadConstraints missing or not selecting its own pods");
            }
            if (!Boolean.TRUE.equals(at(deployment, "spec", "template", "spec", "securityContext", "runAsNonRoot"))
                    || !Boolean.TRUE.equals(at(container, "securityContext", "readOnlyRootFilesystem"))
                    || !Boolean.FALSE.equals(at(container, "securityContext", "allowPrivilegeEscalation"))) {
                problems.add(name + ": must run as non-root, read-only root filesystem, no privilege escalation");
            }
            if (!Integer.valueOf(0).equals(at(deployment, "spec", "strategy", "rollingUpdate", "maxUnavailable"))) {
                problems.add(name + ": a rolling update must keep every replica until its successor is ready");
            }
        }
        assertThat(problems).as(overlay).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyDeploymentHasAServiceABudgetAnAutoscalerAndIsScraped(String overlay) {
        Rendered r = Rendered.of(overlay);
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> deployment : r.kind("Deployment")) {
            String name = name(deployment);
            Map<String, String> pods = Rendered.podLabels(deployment);
            if (!Rendered.selects(at(deployment, "spec", "selector"), pods)) {
                problems.add(name + ": the selector does not match the pod template");
            }
            List<Map<String, Object>> services = r.kind("Service").stream()
                    .filter(s -> Rendered.selects(Map.of("matchLabels", at(s, "spec", "selector")), pods)).toList();
            List<Map<String, Object>> budgets = r.kind("PodDisruptionBudget").stream()
                    .filter(p -> Rendered.selects(at(p, "spec", "selector"), pods)).toList();
            List<Map<String, Object>> autoscalers = r.kind("HorizontalPodAutoscaler").stream()
                    .filter(h -> name.equals(at(h, "spec", "scaleTargetRef", "name"))
                            && "Deployment".equals(at(h, "spec", "scaleTargetRef", "kind"))).toList();
            if (services.size() != 1) {
                problems.add(name + ": " + services.size() + " Services select it");
            }
            if (budgets.size() != 1) {
                problems.add(name + ": " + budgets.size() + " PodDisruptionBudgets select it");
            }
            if (autoscalers.size() != 1) {
                problems.add(name + ": " + autoscalers.size() + " HorizontalPodAutoscalers scale it");
            } else {
                Integer min = at(autoscalers.get(0), "spec", "minReplicas");
                Integer max = at(autoscalers.get(0), "spec", "maxReplicas");
                Integer replicas = at(deployment, "spec", "replicas");
                if (min == null || min < 1 || max < min || replicas == null || replicas < min || replicas > max) {
                    problems.add(name + ": replicas " + replicas + " outside the autoscaler's " + min + "…" + max);
                }
            }
            for (Map<String, Object> service : services) {
                boolean scraped = r.kind("ServiceMonitor").stream().anyMatch(sm ->
                        Rendered.selects(at(sm, "spec", "selector"), Rendered.labels(service))
                                && maps(at(sm, "spec", "endpoints")).stream().anyMatch(e ->
                                "/actuator/prometheus".equals(e.get("path")) && "management".equals(e.get("port"))
                                        && maps(at(service, "spec", "ports")).stream().anyMatch(p ->
                                        "management".equals(p.get("name")) && Integer.valueOf(9090)
                                                .equals(p.get("port")))));
                if (!scraped) {
                    problems.add(name + ": no ServiceMonitor scrapes /actuator/prometheus on its Service's "
                            + "management port 9090");
                }
            }
        }
        assertThat(problems).as(overlay).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyDeploymentRunsTheImageTheBuildMakes(String overlay) {
        String pom = Repo.read(Repo.ROOT.resolve("pom.xml"));
        assertThat(pom).as("the images profile names images liuhua/<artifactId>:<version>")
                .contains("<image>${liuhua.image.registry}liuhua/${project.artifactId}:${project.version}</image>")
                .containsPattern("<user>[1-9][0-9]*:[1-9][0-9]*</user>");
        for (Map<String, Object> deployment : Rendered.of(overlay).kind("Deployment")) {
            String module = name(deployment);
            assertThat(Repo.deployables()).as("a module builds the image of " + module).contains(module);
            assertThat(Rendered.container(deployment).get("image")).as(module)
                    .isEqualTo(Repo.IMAGE_PREFIX + module + ":" + Repo.VERSION);
        }
    }

    /** Secrets the operators or the cluster write, by name, with the keys they hold. */
    static Map<String, Set<String>> generatedSecrets(Rendered r) {
        Map<String, Set<String>> generated = new java.util.HashMap<>();
        for (Map<String, Object> user : r.kind("KafkaUser")) {
            generated.put(name(user), Set.of("ca.crt", "user.crt", "user.key", "user.p12", "user.password"));
        }
        for (Map<String, Object> kafka : r.kind("Kafka")) {
            generated.put(name(kafka) + "-cluster-ca-cert", Set.of("ca.crt", "ca.p12", "ca.password"));
        }
        for (Map<String, Object> mongo : r.kind("MongoDBCommunity")) {
            for (Map<String, Object> user : maps(at(mongo, "spec", "users"))) {
                generated.put((String) user.get("connectionStringSecretName"), Set.of("connectionString.standard",
                        "connectionString.standardSrv", "username", "password"));
            }
        }
        for (Map<String, Object> ingress : r.kind("Ingress")) {
            for (Map<String, Object> tls : maps(at(ingress, "spec", "tls"))) {
                generated.put((String) tls.get("secretName"), Set.of("tls.crt", "tls.key"));
            }
        }
        return generated;
    }

    /** Every (Secret name, key) the objects refer to; key null where a whole Secret is meant. */
    static List<String[]> secretReferences(Rendered r) {
        List<String[]> references = new ArrayList<>();
        for (Map<String, Object> workload : r.workloads()) {
            for (Map<String, Object> container : Kustomize.containers(workload)) {
                for (Map<String, Object> env : maps(container.get("env"))) {
                    String name = at(env, "valueFrom", "secretKeyRef", "name");
                    if (name != null) {
                        references.add(new String[]{name, at(env, "valueFrom", "secretKeyRef", "key")});
                    }
                }
                for (Map<String, Object> from : maps(container.get("envFrom"))) {
                    if (at(from, "secretRef", "name") != null) {
                        references.add(new String[]{at(from, "secretRef", "name"), null});
                    }
                }
            }
            for (Map<String, Object> volume : maps(Kustomize.podSpec(workload).get("volumes"))) {
                String name = at(volume, "secret", "secretName");
                if (name != null) {
                    List<Map<String, Object>> items = maps(at(volume, "secret", "items"));
                    if (items.isEmpty()) {
                        references.add(new String[]{name, null});
                    }
                    items.forEach(i -> references.add(new String[]{name, (String) i.get("key")}));
                }
            }
        }
        for (Map<String, Object> mongo : r.kind("MongoDBCommunity")) {
            for (Map<String, Object> user : maps(at(mongo, "spec", "users"))) {
                Object key = at(user, "passwordSecretRef", "key");
                references.add(new String[]{at(user, "passwordSecretRef", "name"),
                        key == null ? "password" : (String) key});
            }
        }
        for (Map<String, Object> keycloak : r.kind("Keycloak")) {
            for (String field : List.of("usernameSecret", "passwordSecret")) {
                if (at(keycloak, "spec", "db", field) != null) {
                    references.add(new String[]{at(keycloak, "spec", "db", field, "name"),
                            at(keycloak, "spec", "db", field, "key")});
                }
            }
        }
        for (Map<String, Object> realm : r.kind("KeycloakRealmImport")) {
            Map<String, Object> placeholders = at(realm, "spec", "placeholders");
            if (placeholders != null) {
                placeholders.values().forEach(p -> references.add(new String[]{at(p, "secret", "name"),
                        at(p, "secret", "key")}));
            }
        }
        for (Map<String, Object> ingress : r.kind("Ingress")) {
            maps(at(ingress, "spec", "tls")).forEach(t -> references.add(new String[]{(String) t.get("secretName"),
                    null}));
        }
        return references;
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyReferencedConfigMapAndSecretExistsAndEveryShippedOneIsUsed(String overlay) {
        Rendered r = Rendered.of(overlay);
        List<String> problems = new ArrayList<>();
        Map<String, Set<String>> generated = generatedSecrets(r);
        Set<String> referencedSecrets = new TreeSet<>();
        for (String[] reference : secretReferences(r)) {
            referencedSecrets.add(reference[0]);
            Set<String> keys = r.find("Secret", reference[0]).map(s -> {
                Set<String> k = new HashSet<>();
                Map<String, Object> data = at(s, "stringData");
                Map<String, Object> raw = at(s, "data");
                if (data != null) {
                    k.addAll(data.keySet());
                }
                if (raw != null) {
                    k.addAll(raw.keySet());
                }
                return k;
            }).orElse(generated.get(reference[0]));
            if (keys == null) {
                problems.add("Secret " + reference[0] + " is referenced but neither shipped nor written by an operator");
            } else if (reference[1] != null && !keys.contains(reference[1])) {
                problems.add("Secret " + reference[0] + " has no key " + reference[1] + " (has " + keys + ")");
            }
        }
        for (Map<String, Object> secret : r.kind("Secret")) {
            if (!referencedSecrets.contains(name(secret))) {
                problems.add("Secret " + name(secret) + " is shipped but nothing uses it");
            }
        }
        Set<String> referencedConfigMaps = new TreeSet<>();
        for (Map<String, Object> workload : r.workloads()) {
            for (Map<String, Object> container : Kustomize.containers(workload)) {
                maps(container.get("envFrom")).forEach(f -> {
                    if (at(f, "configMapRef", "name") != null) {
                        referencedConfigMaps.add(at(f, "configMapRef", "name"));
                    }
                });
                maps(container.get("env")).forEach(e -> {
                    if (at(e, "valueFrom", "configMapKeyRef", "name") != null) {
                        referencedConfigMaps.add(at(e, "valueFrom", "configMapKeyRef", "name"));
                    }
                });
            }
            maps(Kustomize.podSpec(workload).get("volumes")).forEach(v -> {
                if (at(v, "configMap", "name") != null) {
                    referencedConfigMaps.add(at(v, "configMap", "name"));
                }
            });
        }
        for (String configMap : referencedConfigMaps) {
            if (r.find("ConfigMap", configMap).isEmpty()) {
                problems.add("ConfigMap " + configMap + " is referenced but not shipped");
            }
        }
        for (Map<String, Object> configMap : r.kind("ConfigMap")) {
            boolean dashboard = "1".equals(Rendered.labels(configMap).get("grafana_dashboard"));
            if (!dashboard && !referencedConfigMaps.contains(name(configMap))) {
                problems.add("ConfigMap " + name(configMap) + " is shipped but nothing uses it");
            }
        }
        assertThat(problems).as(overlay).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void noSecretHoldsARealValue(String overlay) {
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> secret : Rendered.of(overlay).kind("Secret")) {
            if (at(secret, "data") != null) {
                problems.add(name(secret) + ": base64 data hides what is committed; use stringData placeholders");
            }
            Map<String, Object> data = at(secret, "stringData");
            if (data == null) {
                continue;
            }
            data.forEach((key, value) -> {
                String v = String.valueOf(value);
                boolean secretKey = key.toLowerCase().matches(".*(password|secret|token|credential|key|cert).*");
                if (secretKey && !v.equals("CHANGE_ME")) {
                    problems.add(name(secret) + "/" + key + ": must be the placeholder CHANGE_ME, not a value");
                }
                if (v.matches("(?s).*://[^/@\\s]+:[^/@\\s]+@.*") || v.contains("BEGIN ")) {
                    problems.add(name(secret) + "/" + key + ": holds credentials or key material");
                }
            });
        }
        assertThat(problems).as(overlay).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void onlyTheGatewayReachesTheServicesAndOnlyTheServicesReachKafkaAndMongodb(String overlay) {
        Rendered r = Rendered.of(overlay);
        List<Map<String, Object>> policies = r.kind("NetworkPolicy");
        assertThat(policies).as("a default deny of ingress").anySatisfy(p -> {
            assertThat((Map<?, ?>) at(p, "spec", "podSelector")).isEmpty();
            assertThat(Kustomize.strings(at(p, "spec", "policyTypes"))).containsExactly("Ingress");
            assertThat((Object) at(p, "spec", "ingress")).isNull();
        });
        Map<String, String> gateway = Rendered.podLabels(r.get("Deployment", "gateway"));
        List<Map<String, String>> services = Repo.services().stream()
                .map(s -> Rendered.podLabels(r.get("Deployment", s))).toList();
        List<String> problems = new ArrayList<>();
        // the services: the API port from the gateway only, the management port from Prometheus only
        for (Map<String, String> service : services) {
            for (Map<String, Object> policy : specific(policies, service)) {
                for (Map<String, Object> rule : maps(at(policy, "spec", "ingress"))) {
                    for (Map<String, Object> peer : maps(rule.get("from"))) {
                        boolean fromGateway = peer.get("podSelector") != null && peer.get("namespaceSelector") == null
                                && Rendered.selects(at(peer, "podSelector"), gateway)
                                && services.stream().noneMatch(s -> Rendered.selects(at(peer, "podSelector"), s));
                        if (fromGateway ? !ports(rule).equals(Set.of(8080))
                                : !fromNamespace(peer, "monitoring") || !ports(rule).equals(Set.of(9090))) {
                            problems.add(name(policy) + " lets " + peer + " reach " + service.get(
                                    "app.kubernetes.io/name") + " on " + ports(rule));
                        }
                    }
                }
            }
        }
        // the gateway: the API port from the ingress controller only, the management port from Prometheus only
        for (Map<String, Object> policy : specific(policies, gateway)) {
            for (Map<String, Object> rule : maps(at(policy, "spec", "ingress"))) {
                for (Map<String, Object> peer : maps(rule.get("from"))) {
                    boolean allowed = fromNamespace(peer, "ingress-nginx") ? ports(rule).equals(Set.of(8080))
                            : fromNamespace(peer, "monitoring") && ports(rule).equals(Set.of(9090));
                    if (!allowed) {
                        problems.add(name(policy) + " lets " + peer + " reach the gateway on " + ports(rule));
                    }
                }
            }
        }
        // Keycloak: browsers through the ingress controller, and the services and the gateway for signing keys
        Map<String, String> keycloak = Map.of("app", "keycloak");
        for (Map<String, Object> policy : specific(policies, keycloak)) {
            for (Map<String, Object> rule : maps(at(policy, "spec", "ingress"))) {
                for (Map<String, Object> peer : maps(rule.get("from"))) {
                    Map<String, Object> selector = at(peer, "podSelector");
                    boolean members = peer.get("namespaceSelector") == null
                            && Rendered.selects(selector, keycloak) && !Rendered.selects(selector, gateway);
                    boolean clients = peer.get("namespaceSelector") == null && selector != null
                            && Rendered.selects(selector, gateway)
                            && services.stream().allMatch(s -> Rendered.selects(selector, s))
                            && !Rendered.selects(selector, Map.of("app", "liuhua-mongodb-svc",
                            "app.kubernetes.io/part-of", "liuhua"));
                    boolean outside = peer.get("podSelector") == null && (fromNamespace(peer, "ingress-nginx")
                            || fromNamespace(peer, "monitoring"));
                    if (!members && !clients && !outside) {
                        problems.add(name(policy) + " lets " + peer + " reach Keycloak");
                    }
                }
            }
        }
        // a workload no policy names is unreachable (default deny) or, worse, covered by someone else's rule
        for (Map<String, Object> deployment : r.kind("Deployment")) {
            if (specific(policies, Rendered.podLabels(deployment)).isEmpty()) {
                problems.add(name(deployment) + ": no NetworkPolicy says who may reach it");
            }
        }
        if (specific(policies, keycloak).isEmpty()) {
            problems.add("keycloak: no NetworkPolicy says who may reach it");
        }
        for (Map<String, Object> kafka : r.kind("Kafka")) {
            for (Map<String, Object> listener : maps(at(kafka, "spec", "kafka", "listeners"))) {
                List<Map<String, Object>> peers = maps(listener.get("networkPolicyPeers"));
                if (peers.isEmpty()) {
                    problems.add("Kafka listener " + listener.get("name") + " has no networkPolicyPeers (open)");
                }
                for (Map<String, Object> peer : peers) {
                    if (Rendered.selects(at(peer, "podSelector"), gateway)
                            || !services.stream().allMatch(s -> Rendered.selects(at(peer, "podSelector"), s))) {
                        problems.add("Kafka listener " + listener.get("name") + ": peer " + peer
                                + " must select the services and nothing else of ours");
                    }
                }
            }
        }
        for (Map<String, Object> policy : policies) {
            if (!"mongodb".equals(name(policy))) {
                continue;
            }
            for (Map<String, Object> rule : maps(at(policy, "spec", "ingress"))) {
                for (Map<String, Object> peer : maps(rule.get("from"))) {
                    Map<String, Object> selector = at(peer, "podSelector");
                    boolean members = Rendered.selects(selector, Map.of("app", "liuhua-mongodb-svc"));
                    boolean clients = services.stream().allMatch(s -> Rendered.selects(selector, s))
                            && !Rendered.selects(selector, gateway);
                    if (peer.get("namespaceSelector") != null || (!members && !clients)) {
                        problems.add("mongodb policy lets " + peer + " in");
                    }
                }
            }
        }
        assertThat(policies.stream().map(Rendered::name)).contains("default-deny-ingress", "mongodb", "services",
                "gateway", "keycloak", "keycloak-db");
        assertThat(problems).as(overlay).isEmpty();
    }

    /** The policies that select these pods by their labels (the namespace-wide default deny aside). */
    private static List<Map<String, Object>> specific(List<Map<String, Object>> policies, Map<String, String> pods) {
        return policies.stream().filter(p -> !((Map<?, ?>) at(p, "spec", "podSelector")).isEmpty()
                && Rendered.selects(at(p, "spec", "podSelector"), pods)).toList();
    }

    private static boolean fromNamespace(Map<String, Object> peer, String namespace) {
        return peer.get("podSelector") == null
                && namespace.equals(at(peer, "namespaceSelector", "matchLabels", "kubernetes.io/metadata.name"));
    }

    /** The ports a rule opens; an empty set means every port. */
    private static Set<Integer> ports(Map<String, Object> rule) {
        Set<Integer> ports = new HashSet<>();
        maps(rule.get("ports")).forEach(p -> ports.add(((Number) p.get("port")).intValue()));
        return ports;
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theIssuerTheServicesCheckIsTheOneKeycloakSigns(String overlay) {
        Rendered r = Rendered.of(overlay);
        Map<String, Object> keycloak = r.kind("Keycloak").get(0);
        Map<String, Object> realm = r.kind("KeycloakRealmImport").get(0);
        assertThat((String) at(realm, "spec", "keycloakCRName")).isEqualTo(name(keycloak));
        String issuer = "https://" + at(keycloak, "spec", "hostname", "hostname") + "/realms/"
                + at(realm, "spec", "realm", "realm");
        for (Map<String, Object> deployment : r.kind("Deployment")) {
            Map<String, String> environment = r.environment(deployment);
            assertThat(environment.get("LIUHUA_SECURITY_ISSUER")).as(name(deployment)).isEqualTo(issuer);
            assertThat(environment.get("LIUHUA_SECURITY_JWK_SET_URI")).as(name(deployment))
                    .isEqualTo("http://" + name(keycloak) + "-service:8080/realms/" + at(realm, "spec", "realm",
                            "realm") + "/protocol/openid-connect/certs");
        }
        String publicUrl = at(r.get("Secret", "liuhua-realm-placeholders"), "stringData", "public-url");
        Object host = maps(at(r.get("Ingress", "liuhua"), "spec", "rules")).get(0).get("host");
        assertThat(publicUrl).as("the cockpit's address in the realm is the Ingress host").isEqualTo("https://" + host);
        for (Map<String, Object> deployment : r.kind("Deployment")) {
            String base = r.environment(deployment).get("LIUHUA_PUBLIC_BASE_URL");
            if (base != null) {
                assertThat(base).as(name(deployment) + ": the address printed cards open").isEqualTo("https://" + host);
            }
        }
    }
}
