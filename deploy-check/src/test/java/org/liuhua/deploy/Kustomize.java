package org.liuhua.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The part of {@code kubectl kustomize} that deploy/k8s uses, in the JVM, so that the build renders every overlay
 * offline without a kubectl binary. It follows kustomize's semantics for what it supports — {@code resources} (files
 * and kustomization directories), {@code namespace}, {@code configMapGenerator} (files, literals, options with
 * {@code disableNameSuffixHash: true}), {@code patches} (strategic merge or JSON 6902, inline or from a file, with or
 * without a target), {@code replicas} and {@code images}, applied in kustomize's order (patches, namespace, replicas,
 * images) — and refuses everything else, so an overlay can never silently render differently here than with kubectl.
 * Deliberately stricter than kustomize in two places: a patch target or replicas entry that matches nothing is an
 * error (it is a typo), and a strategic-merge patch of a built-in type must not contain lists (kustomize would merge
 * them by the type's merge keys, which this renderer does not know: use a JSON 6902 patch there).
 */
final class Kustomize {

    private static final Set<String> KNOWN_FIELDS = Set.of("apiVersion", "kind", "namespace", "resources", "patches",
            "replicas", "images", "configMapGenerator");
    /** Kinds kustomize treats as built-in (lists in their strategic-merge patches would merge by key). */
    private static final Set<String> BUILT_IN_GROUPS = Set.of("", "apps", "policy", "autoscaling", "networking.k8s.io",
            "batch", "rbac.authorization.k8s.io");
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
            "CustomResourceDefinition", "PersistentVolume", "StorageClass", "PriorityClass");

    private Kustomize() {
    }

    static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setNestingDepthLimit(500);
        options.setCodePointLimit(16 * 1024 * 1024);
        return new Yaml(new SafeConstructor(options));
    }

    /** Renders the kustomization in {@code dir}. */
    static List<Map<String, Object>> render(Path dir) {
        Map<String, Object> k = kustomization(dir);
        for (String field : k.keySet()) {
            if (!KNOWN_FIELDS.contains(field)) {
                throw new IllegalArgumentException(dir + ": kustomization field '" + field
                        + "' is not supported by deploy-check's renderer");
            }
        }
        List<Map<String, Object>> objects = new ArrayList<>();
        for (String resource : strings(k.get("resources"))) {
            Path path = dir.resolve(resource).normalize();
            if (Files.isDirectory(path)) {
                objects.addAll(render(path));
            } else {
                objects.addAll(documents(path));
            }
        }
        for (Map<String, Object> generator : maps(k.get("configMapGenerator"))) {
            objects.add(configMap(dir, generator));
        }
        for (Map<String, Object> patch : maps(k.get("patches"))) {
            applyPatch(dir, patch, objects);
        }
        if (k.get("namespace") instanceof String namespace) {
            for (Map<String, Object> object : objects) {
                if (!CLUSTER_SCOPED.contains(object.get("kind"))) {
                    metadata(object).put("namespace", namespace);
                } else if ("Namespace".equals(object.get("kind"))) {
                    metadata(object).put("name", namespace);
                }
            }
        }
        for (Map<String, Object> replicas : maps(k.get("replicas"))) {
            onlyKeys(replicas, Set.of("name", "count"), "replicas");
            List<Map<String, Object>> targets = objects.stream()
                    .filter(o -> Set.of("Deployment", "StatefulSet", "ReplicaSet").contains(o.get("kind")))
                    .filter(o -> replicas.get("name").equals(metadata(o).get("name"))).toList();
            if (targets.isEmpty()) {
                throw new IllegalArgumentException(dir + ": replicas for " + replicas.get("name") + " match nothing");
            }
            targets.forEach(t -> map(t, "spec").put("replicas", replicas.get("count")));
        }
        for (Map<String, Object> image : maps(k.get("images"))) {
            onlyKeys(image, Set.of("name", "newName", "newTag", "digest"), "images");
            setImages(objects, image);
        }
        return objects;
    }

    static Map<String, Object> kustomization(Path dir) {
        for (String name : List.of("kustomization.yaml", "kustomization.yml", "Kustomization")) {
            if (Files.exists(dir.resolve(name))) {
                return asMap(yaml().load(read(dir.resolve(name))), dir.resolve(name).toString());
            }
        }
        throw new IllegalArgumentException("no kustomization in " + dir);
    }

    static List<Map<String, Object>> documents(Path file) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : yaml().loadAll(read(file))) {
            if (document != null) {
                documents.add(asMap(document, file.toString()));
            }
        }
        return documents;
    }

    private static Map<String, Object> configMap(Path dir, Map<String, Object> generator) {
        onlyKeys(generator, Set.of("name", "files", "literals", "options"), "configMapGenerator");
        Map<String, Object> options = generator.get("options") == null ? Map.of()
                : asMap(generator.get("options"), "options");
        onlyKeys(options, Set.of("disableNameSuffixHash", "labels", "annotations"), "configMapGenerator options");
        if (!Boolean.TRUE.equals(options.get("disableNameSuffixHash"))) {
            throw new IllegalArgumentException(dir + ": configMapGenerator " + generator.get("name")
                    + " needs options.disableNameSuffixHash: true (name references are not rewritten here)");
        }
        Map<String, Object> data = new LinkedHashMap<>();
        for (String file : strings(generator.get("files"))) {
            String key = file.contains("=") ? file.substring(0, file.indexOf('=')) : Path.of(file).getFileName()
                    .toString();
            Path path = dir.resolve(file.contains("=") ? file.substring(file.indexOf('=') + 1) : file).normalize();
            if (!path.startsWith(dir)) {
                throw new IllegalArgumentException(path + " is outside " + dir + " (kustomize's load restrictor)");
            }
            data.put(key, read(path));
        }
        for (String literal : strings(generator.get("literals"))) {
            data.put(literal.substring(0, literal.indexOf('=')), literal.substring(literal.indexOf('=') + 1));
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", generator.get("name"));
        if (options.get("labels") != null) {
            metadata.put("labels", new LinkedHashMap<>(asMap(options.get("labels"), "labels")));
        }
        if (options.get("annotations") != null) {
            metadata.put("annotations", new LinkedHashMap<>(asMap(options.get("annotations"), "annotations")));
        }
        Map<String, Object> configMap = new LinkedHashMap<>();
        configMap.put("apiVersion", "v1");
        configMap.put("kind", "ConfigMap");
        configMap.put("metadata", metadata);
        configMap.put("data", data);
        return configMap;
    }

    private static void applyPatch(Path dir, Map<String, Object> patch, List<Map<String, Object>> objects) {
        onlyKeys(patch, Set.of("path", "patch", "target"), "patches");
        String text = patch.get("path") != null ? read(dir.resolve((String) patch.get("path"))) : (String) patch.get(
                "patch");
        List<Object> documents = new ArrayList<>();
        yaml().loadAll(text).forEach(d -> {
            if (d != null) {
                documents.add(d);
            }
        });
        boolean json6902 = documents.size() == 1 && documents.get(0) instanceof List;
        if (patch.get("target") != null) {
            Map<String, Object> target = asMap(patch.get("target"), "target");
            onlyKeys(target, Set.of("group", "version", "kind", "name", "namespace", "labelSelector"), "target");
            List<Map<String, Object>> matched = objects.stream().filter(o -> matches(o, target)).toList();
            if (matched.isEmpty()) {
                throw new IllegalArgumentException(dir + ": patch target " + target + " matches nothing");
            }
            for (Map<String, Object> object : matched) {
                if (json6902) {
                    JsonPatch.apply(object, castList(documents.get(0)));
                } else {
                    for (Object document : documents) {
                        strategicMerge(objects, object, asMap(document, "patch"));
                    }
                }
            }
            return;
        }
        if (json6902) {
            throw new IllegalArgumentException(dir + ": a JSON 6902 patch needs a target");
        }
        for (Object document : documents) {
            Map<String, Object> smp = asMap(document, "patch");
            List<Map<String, Object>> matched = objects.stream().filter(o -> sameId(o, smp)).toList();
            if (matched.isEmpty()) {
                throw new IllegalArgumentException(dir + ": patch " + smp.get("kind") + "/"
                        + metadata(smp).get("name") + " matches no resource");
            }
            for (Map<String, Object> object : matched) {
                strategicMerge(objects, object, smp);
            }
        }
    }

    private static boolean sameId(Map<String, Object> object, Map<String, Object> patch) {
        return group(object).equals(group(patch)) && object.get("kind").equals(patch.get("kind"))
                && metadata(object).get("name").equals(metadata(patch).get("name"));
    }

    static boolean matches(Map<String, Object> object, Map<String, Object> target) {
        if (target.get("kind") != null && !full((String) target.get("kind"), (String) object.get("kind"))) {
            return false;
        }
        if (target.get("group") != null && !full((String) target.get("group"), group(object))) {
            return false;
        }
        if (target.get("version") != null && !full((String) target.get("version"), version(object))) {
            return false;
        }
        if (target.get("name") != null && !full((String) target.get("name"), (String) metadata(object).get("name"))) {
            return false;
        }
        if (target.get("namespace") != null && !full((String) target.get("namespace"),
                String.valueOf(metadata(object).get("namespace")))) {
            return false;
        }
        if (target.get("labelSelector") != null) {
            Object labels = metadata(object).get("labels");
            for (String term : ((String) target.get("labelSelector")).split(",")) {
                String[] kv = term.split("=", 2);
                if (kv.length != 2 || !(labels instanceof Map<?, ?> l) || !kv[1].trim().equals(l.get(kv[0].trim()))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** kustomize anchors target regular expressions. */
    private static boolean full(String regex, String value) {
        return value != null && Pattern.compile("^(?:" + regex + ")$").matcher(value).matches();
    }

    static String group(Map<String, Object> object) {
        String apiVersion = (String) object.get("apiVersion");
        return apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    }

    static String version(Map<String, Object> object) {
        String apiVersion = (String) object.get("apiVersion");
        return apiVersion.substring(apiVersion.indexOf('/') + 1);
    }

    private static void strategicMerge(List<Map<String, Object>> objects, Map<String, Object> object,
                                       Map<String, Object> patch) {
        if ("delete".equals(patch.get("$patch"))) {
            objects.remove(object);
            return;
        }
        boolean builtIn = BUILT_IN_GROUPS.contains(group(object));
        for (Map.Entry<String, Object> entry : patch.entrySet()) {
            if (entry.getKey().equals("apiVersion") || entry.getKey().equals("kind")) {
                continue;
            }
            if (entry.getKey().equals("metadata")) {
                Map<String, Object> meta = new LinkedHashMap<>(asMap(entry.getValue(), "metadata"));
                meta.remove("name");
                meta.remove("namespace");
                merge(metadata(object), meta, builtIn, "metadata");
                continue;
            }
            Object current = object.get(entry.getKey());
            if (entry.getValue() == null) {
                object.remove(entry.getKey());
            } else if (current instanceof Map<?, ?> && entry.getValue() instanceof Map<?, ?>) {
                merge(castMap(current), castMap(entry.getValue()), builtIn, entry.getKey());
            } else {
                object.put(entry.getKey(), deepCopy(checkValue(entry.getValue(), builtIn, entry.getKey())));
            }
        }
    }

    private static void merge(Map<String, Object> target, Map<String, Object> patch, boolean builtIn, String path) {
        for (Map.Entry<String, Object> entry : patch.entrySet()) {
            String at = path + "." + entry.getKey();
            if (entry.getKey().startsWith("$")) {
                throw new IllegalArgumentException("strategic-merge directive " + entry.getKey() + " at " + at
                        + " is not supported by deploy-check's renderer");
            }
            Object current = target.get(entry.getKey());
            if (entry.getValue() == null) {
                target.remove(entry.getKey());
            } else if (current instanceof Map<?, ?> && entry.getValue() instanceof Map<?, ?>) {
                merge(castMap(current), castMap(entry.getValue()), builtIn, at);
            } else {
                target.put(entry.getKey(), deepCopy(checkValue(entry.getValue(), builtIn, at)));
            }
        }
    }

    private static Object checkValue(Object value, boolean builtIn, String path) {
        if (builtIn && containsList(value)) {
            throw new IllegalArgumentException("a strategic-merge patch of a built-in type sets a list at " + path
                    + ": use a JSON 6902 patch (kustomize would merge it by key)");
        }
        return value;
    }

    private static boolean containsList(Object value) {
        if (value instanceof List<?>) {
            return true;
        }
        return value instanceof Map<?, ?> m && m.values().stream().anyMatch(Kustomize::containsList);
    }

    private static void setImages(List<Map<String, Object>> objects, Map<String, Object> image) {
        String name = (String) image.get("name");
        boolean found = false;
        for (Map<String, Object> object : objects) {
            for (Map<String, Object> container : containers(object)) {
                String current = (String) container.get("image");
                String repository = current.replaceAll("[:@].*$", "");
                if (!repository.equals(name)) {
                    continue;
                }
                found = true;
                String newName = image.get("newName") != null ? (String) image.get("newName") : repository;
                String suffix = current.substring(repository.length());
                if (image.get("digest") != null) {
                    suffix = "@" + image.get("digest");
                } else if (image.get("newTag") != null) {
                    suffix = ":" + image.get("newTag");
                }
                container.put("image", newName + suffix);
            }
        }
        if (!found) {
            throw new IllegalArgumentException("images: " + name + " is used by no container");
        }
    }

    /** Containers and init containers of a pod template (Deployment, StatefulSet, …) or a Pod. */
    static List<Map<String, Object>> containers(Map<String, Object> object) {
        Map<String, Object> podSpec = podSpec(object);
        List<Map<String, Object>> all = new ArrayList<>();
        if (podSpec != null) {
            all.addAll(maps(podSpec.get("containers")));
            all.addAll(maps(podSpec.get("initContainers")));
        }
        return all;
    }

    static Map<String, Object> podSpec(Map<String, Object> object) {
        Object kind = object.get("kind");
        if ("Pod".equals(kind)) {
            return castMap(object.get("spec"));
        }
        if (Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job").contains(kind)
                && object.get("spec") instanceof Map<?, ?> spec && spec.get("template") instanceof Map<?, ?> t) {
            return castMap(t.get("spec"));
        }
        return null;
    }

    // ---- small helpers over the plain YAML model

    static Map<String, Object> metadata(Map<String, Object> object) {
        return map(object, "metadata");
    }

    static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        if (value == null) {
            Map<String, Object> created = new LinkedHashMap<>();
            parent.put(key, created);
            return created;
        }
        return castMap(value);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> castMap(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> castList(Object value) {
        return (List<Object>) value;
    }

    static Map<String, Object> asMap(Object value, String where) {
        if (!(value instanceof Map<?, ?>)) {
            throw new IllegalArgumentException(where + ": expected a mapping, found " + value);
        }
        return castMap(value);
    }

    static List<String> strings(Object value) {
        if (value == null) {
            return List.of();
        }
        return castList(value).stream().map(String.class::cast).toList();
    }

    static List<Map<String, Object>> maps(Object value) {
        if (value == null) {
            return List.of();
        }
        return castList(value).stream().map(v -> asMap(v, "list entry")).toList();
    }

    private static void onlyKeys(Map<String, Object> map, Set<String> allowed, String where) {
        for (String key : map.keySet()) {
            if (!allowed.contains(key)) {
                throw new IllegalArgumentException(where + ": field '" + key + "' is not supported here");
            }
        }
    }

    static Object deepCopy(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> copy = new LinkedHashMap<>();
            m.forEach((k, v) -> copy.put((String) k, deepCopy(v)));
            return copy;
        }
        if (value instanceof List<?> l) {
            List<Object> copy = new ArrayList<>();
            l.forEach(v -> copy.add(deepCopy(v)));
            return copy;
        }
        return value;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
