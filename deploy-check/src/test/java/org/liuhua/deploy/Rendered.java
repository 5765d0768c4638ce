package org.liuhua.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.liuhua.deploy.Kustomize.castMap;
import static org.liuhua.deploy.Kustomize.maps;

/** Look-ups over the objects of one rendered overlay. */
record Rendered(String overlay, List<Map<String, Object>> objects) {

    static Rendered of(String overlay) {
        return new Rendered(overlay, Repo.rendered(overlay));
    }

    List<Map<String, Object>> kind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
    }

    Optional<Map<String, Object>> find(String kind, String name) {
        return kind(kind).stream().filter(o -> name.equals(name(o))).findFirst();
    }

    Map<String, Object> get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError(overlay + ": no " + kind + " " + name));
    }

    static String name(Map<String, Object> object) {
        return (String) castMap(object.get("metadata")).get("name");
    }

    @SuppressWarnings("unchecked")
    static <T> T at(Object object, String... path) {
        Object current = object;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return (T) current;
    }

    static Map<String, String> labels(Map<String, Object> object) {
        Map<String, String> labels = at(object, "metadata", "labels");
        return labels == null ? Map.of() : labels;
    }

    static Map<String, String> podLabels(Map<String, Object> workload) {
        Map<String, String> labels = at(workload, "spec", "template", "metadata", "labels");
        return labels == null ? Map.of() : labels;
    }

    static Map<String, Object> container(Map<String, Object> deployment) {
        return Kustomize.containers(deployment).get(0);
    }

    /** A label selector (matchLabels and matchExpressions In/NotIn/Exists/DoesNotExist) against labels. */
    static boolean selects(Map<String, Object> selector, Map<String, String> labels) {
        if (selector == null) {
            return false;
        }
        Map<String, Object> matchLabels = at(selector, "matchLabels");
        if (matchLabels != null) {
            for (Map.Entry<String, Object> e : matchLabels.entrySet()) {
                if (!String.valueOf(e.getValue()).equals(labels.get(e.getKey()))) {
                    return false;
                }
            }
        }
        for (Map<String, Object> expression : maps(selector.get("matchExpressions"))) {
            String key = (String) expression.get("key");
            List<String> values = Kustomize.strings(expression.get("values"));
            boolean ok = switch ((String) expression.get("operator")) {
                case "In" -> values.contains(labels.get(key));
                case "NotIn" -> !values.contains(labels.get(key));
                case "Exists" -> labels.containsKey(key);
                case "DoesNotExist" -> !labels.containsKey(key);
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** The environment a container sees: its env (values or "<from …>") and the data keys of its envFrom sources. */
    Map<String, String> environment(Map<String, Object> deployment) {
        Map<String, Object> container = container(deployment);
        Map<String, String> environment = new LinkedHashMap<>();
        for (Map<String, Object> from : maps(container.get("envFrom"))) {
            String configMap = at(from, "configMapRef", "name");
            if (configMap != null) {
                Map<String, Object> data = at(get("ConfigMap", configMap), "data");
                if (data != null) {
                    data.forEach((k, v) -> environment.put(k, String.valueOf(v)));
                }
            }
            String secret = at(from, "secretRef", "name");
            if (secret != null) {
                find("Secret", secret).map(s -> Rendered.<Map<String, Object>>at(s, "stringData"))
                        .ifPresent(d -> d.forEach((k, v) -> environment.put(k, "<secret>")));
            }
        }
        for (Map<String, Object> variable : maps(container.get("env"))) {
            Object value = variable.get("value");
            environment.put((String) variable.get("name"), value != null ? String.valueOf(value) : "<valueFrom>");
        }
        return environment;
    }

    /** The settings of the configtree: the keys of the ConfigMap mounted where SPRING_CONFIG_ADDITIONAL_LOCATION says. */
    Map<String, String> configTree(Map<String, Object> deployment) {
        String location = environment(deployment).get("SPRING_CONFIG_ADDITIONAL_LOCATION");
        if (location == null || !location.startsWith("configtree:")) {
            return Map.of();
        }
        String path = location.substring("configtree:".length()).replaceAll("/$", "");
        Map<String, Object> container = container(deployment);
        String volume = maps(container.get("volumeMounts")).stream()
                .filter(m -> path.equals(String.valueOf(m.get("mountPath")).replaceAll("/$", "")))
                .map(m -> (String) m.get("name")).findFirst()
                .orElseThrow(() -> new AssertionError(name(deployment) + ": nothing mounted at " + path));
        String configMap = maps(Kustomize.podSpec(deployment).get("volumes")).stream()
                .filter(v -> volume.equals(v.get("name"))).map(v -> Rendered.<String>at(v, "configMap", "name"))
                .findFirst().orElseThrow(() -> new AssertionError(name(deployment) + ": volume " + volume
                        + " is not a ConfigMap"));
        Map<String, String> tree = new LinkedHashMap<>();
        Map<String, Object> data = at(get("ConfigMap", configMap), "data");
        if (data != null) {
            data.forEach((k, v) -> tree.put(k, String.valueOf(v)));
        }
        return tree;
    }

    List<Map<String, Object>> workloads() {
        List<Map<String, Object>> all = new ArrayList<>(kind("Deployment"));
        all.addAll(kind("StatefulSet"));
        return all;
    }
}
