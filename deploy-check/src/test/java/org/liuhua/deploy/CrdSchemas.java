package org.liuhua.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Validates custom resources against the OpenAPI v3 schemas of the operators' CustomResourceDefinitions shipped in
 * deploy/crds (Strimzi, Keycloak, MongoDB Community, Prometheus Operator), the way the API server does with
 * {@code kubectl apply --validate=strict}: unknown fields (not declared, no {@code additionalProperties}, no
 * {@code x-kubernetes-preserve-unknown-fields}), wrong types, missing required fields, values outside an enum, a
 * minimum/maximum or a pattern are errors. {@code oneOf}/{@code anyOf} pass when at least one branch does.
 */
final class CrdSchemas {

    private final Map<String, Map<String, Object>> schemas = new HashMap<>();
    private final Map<String, Boolean> namespaced = new HashMap<>();

    CrdSchemas(Path directory) {
        try (var files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                for (Map<String, Object> crd : Kustomize.documents(file)) {
                    if (!"CustomResourceDefinition".equals(crd.get("kind"))) {
                        continue;
                    }
                    Map<String, Object> spec = Kustomize.castMap(crd.get("spec"));
                    String group = (String) spec.get("group");
                    String kind = (String) Kustomize.castMap(spec.get("names")).get("kind");
                    for (Map<String, Object> version : Kustomize.maps(spec.get("versions"))) {
                        if (Boolean.FALSE.equals(version.get("served"))) {
                            continue;
                        }
                        String id = group + "/" + version.get("name") + "/" + kind;
                        schemas.put(id, Kustomize.castMap(Kustomize.castMap(version.get("schema"))
                                .get("openAPIV3Schema")));
                        namespaced.put(id, "Namespaced".equals(spec.get("scope")));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean known(Map<String, Object> object) {
        return schemas.containsKey(object.get("apiVersion") + "/" + object.get("kind"));
    }

    int size() {
        return schemas.size();
    }

    List<String> validate(Map<String, Object> object) {
        String id = object.get("apiVersion") + "/" + object.get("kind");
        Map<String, Object> schema = schemas.get(id);
        if (schema == null) {
            return List.of("no CRD schema in deploy/crds for " + id);
        }
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Object> entry : object.entrySet()) {
            switch (entry.getKey()) {
                case "apiVersion", "kind" -> {
                }
                case "metadata" -> KubernetesTypes.meta(entry.getValue()).forEach(p -> problems.add("metadata: " + p));
                case "status" -> problems.add("status: set by the operator, not by a manifest");
                default -> {
                    Map<String, Object> properties = properties(schema);
                    if (!properties.containsKey(entry.getKey())) {
                        problems.add(entry.getKey() + ": unknown field");
                    } else {
                        check(entry.getValue(), Kustomize.castMap(properties.get(entry.getKey())), entry.getKey(),
                                problems);
                    }
                }
            }
        }
        for (String required : Kustomize.strings(schema.get("required"))) {
            if (!object.containsKey(required)) {
                problems.add(required + ": required");
            }
        }
        return problems;
    }

    private static Map<String, Object> properties(Map<String, Object> schema) {
        return schema.get("properties") == null ? Map.of() : Kustomize.castMap(schema.get("properties"));
    }

    static void check(Object value, Map<String, Object> schema, String path, List<String> problems) {
        if (value == null) {
            if (!Boolean.TRUE.equals(schema.get("nullable"))) {
                problems.add(path + ": null is not allowed");
            }
            return;
        }
        boolean preserve = Boolean.TRUE.equals(schema.get("x-kubernetes-preserve-unknown-fields"));
        if (Boolean.TRUE.equals(schema.get("x-kubernetes-int-or-string"))) {
            if (!(value instanceof String) && !(value instanceof Integer) && !(value instanceof Long)) {
                problems.add(path + ": expected an integer or a string, found " + describe(value));
            }
        } else if (schema.get("type") instanceof String type) {
            if (!hasType(value, type)) {
                problems.add(path + ": expected " + type + ", found " + describe(value));
                return;
            }
        }
        if (schema.get("enum") instanceof List<?> allowed && !allowed.contains(value)
                && !(value instanceof Number n && allowed.stream().anyMatch(a -> a instanceof Number an
                && an.doubleValue() == n.doubleValue()))) {
            problems.add(path + ": " + value + " is not one of " + allowed);
        }
        if (value instanceof Number number) {
            if (schema.get("minimum") instanceof Number min && number.doubleValue() < min.doubleValue()) {
                problems.add(path + ": " + number + " is below the minimum " + min);
            }
            if (schema.get("maximum") instanceof Number max && number.doubleValue() > max.doubleValue()) {
                problems.add(path + ": " + number + " is above the maximum " + max);
            }
        }
        if (value instanceof String string) {
            if (schema.get("pattern") instanceof String pattern && !Pattern.compile(pattern).matcher(string).find()) {
                problems.add(path + ": '" + string + "' does not match " + pattern);
            }
            if (schema.get("maxLength") instanceof Number max && string.length() > max.intValue()) {
                problems.add(path + ": longer than " + max);
            }
            if (schema.get("minLength") instanceof Number min && string.length() < min.intValue()) {
                problems.add(path + ": shorter than " + min);
            }
        }
        for (String combinator : List.of("oneOf", "anyOf")) {
            if (schema.get(combinator) instanceof List<?> branches) {
                boolean any = false;
                for (Object branch : branches) {
                    List<String> branchProblems = new ArrayList<>();
                    checkConstraintsOnly(value, Kustomize.castMap(branch), path, branchProblems);
                    any |= branchProblems.isEmpty();
                }
                if (!any) {
                    problems.add(path + ": matches none of the " + combinator + " alternatives");
                }
            }
        }
        if (schema.get("allOf") instanceof List<?> branches) {
            branches.forEach(b -> checkConstraintsOnly(value, Kustomize.castMap(b), path, problems));
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> properties = properties(schema);
            Object additional = schema.get("additionalProperties");
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = String.valueOf(entry.getKey());
                String at = path + "." + key;
                if (properties.containsKey(key)) {
                    check(entry.getValue(), Kustomize.castMap(properties.get(key)), at, problems);
                } else if (additional instanceof Map<?, ?> additionalSchema) {
                    check(entry.getValue(), Kustomize.castMap(additionalSchema), at, problems);
                } else if (!preserve && !Boolean.TRUE.equals(additional)
                        && !Boolean.TRUE.equals(schema.get("x-kubernetes-embedded-resource"))) {
                    problems.add(at + ": unknown field");
                }
            }
            for (String required : Kustomize.strings(schema.get("required"))) {
                if (!map.containsKey(required)) {
                    problems.add(path + "." + required + ": required");
                }
            }
        }
        if (value instanceof List<?> list) {
            if (schema.get("items") instanceof Map<?, ?> items) {
                for (int i = 0; i < list.size(); i++) {
                    check(list.get(i), Kustomize.castMap(items), path + "[" + i + "]", problems);
                }
            }
            if (schema.get("minItems") instanceof Number min && list.size() < min.intValue()) {
                problems.add(path + ": fewer than " + min + " items");
            }
            if (schema.get("maxItems") instanceof Number max && list.size() > max.intValue()) {
                problems.add(path + ": more than " + max + " items");
            }
        }
    }

    /** A oneOf/anyOf/allOf branch of a structural schema: required fields and value constraints, no new fields. */
    private static void checkConstraintsOnly(Object value, Map<String, Object> branch, String path,
                                             List<String> problems) {
        if (value instanceof Map<?, ?> map) {
            for (String required : Kustomize.strings(branch.get("required"))) {
                if (!map.containsKey(required)) {
                    problems.add(path + "." + required + ": required");
                }
            }
            if (branch.get("properties") instanceof Map<?, ?> properties) {
                for (Map.Entry<?, ?> entry : properties.entrySet()) {
                    if (map.containsKey(entry.getKey())) {
                        checkConstraintsOnly(map.get(entry.getKey()), Kustomize.castMap(entry.getValue()),
                                path + "." + entry.getKey(), problems);
                    }
                }
            }
        }
        if (branch.get("not") instanceof Map<?, ?> not) {
            List<String> inner = new ArrayList<>();
            checkConstraintsOnly(value, Kustomize.castMap(not), path, inner);
            if (inner.isEmpty()) {
                problems.add(path + ": matches a forbidden alternative");
            }
        }
        if (branch.get("enum") instanceof List<?> allowed && !allowed.contains(value)) {
            problems.add(path + ": " + value + " is not one of " + allowed);
        }
        if (branch.get("type") instanceof String type && !hasType(value, type)) {
            problems.add(path + ": expected " + type);
        }
    }

    private static boolean hasType(Object value, String type) {
        return switch (type) {
            case "object" -> value instanceof Map<?, ?>;
            case "array" -> value instanceof List<?>;
            case "string" -> value instanceof String;
            case "integer" -> value instanceof Integer || value instanceof Long
                    || value instanceof java.math.BigInteger;
            case "number" -> value instanceof Number;
            case "boolean" -> value instanceof Boolean;
            default -> true;
        };
    }

    private static String describe(Object value) {
        return value.getClass().getSimpleName() + " " + value;
    }
}
