package org.liuhua.deploy;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/**
 * Strict validation of built-in Kubernetes objects against the API types (fabric8 kubernetes-model, generated from
 * the Kubernetes OpenAPI): a field the type does not have (a misspelling), a value of the wrong type (a string where
 * an integer belongs, or the reverse) or an unknown kind/apiVersion is an error. fabric8's classes keep unknown
 * fields in {@code additionalProperties} instead of failing, so after reading, every such map in the object graph
 * must be empty.
 */
final class KubernetesTypes {

    static final Map<String, Class<?>> TYPES = Map.ofEntries(
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("v1/Pod", io.fabric8.kubernetes.api.model.Pod.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("apps/v1/StatefulSet", StatefulSet.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class));

    static final ObjectMapper MAPPER = strictMapper();

    private KubernetesTypes() {
    }

    private static ObjectMapper strictMapper() {
        ObjectMapper mapper = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
        for (LogicalType type : List.of(LogicalType.Textual, LogicalType.Integer, LogicalType.Float,
                LogicalType.Boolean)) {
            for (CoercionInputShape shape : List.of(CoercionInputShape.String, CoercionInputShape.Integer,
                    CoercionInputShape.Float, CoercionInputShape.Boolean)) {
                mapper.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail);
            }
        }
        // the coercions above also refuse the right shape for the type; allow exactly those back
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.String, CoercionAction.TryConvert);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Integer,
                CoercionAction.TryConvert);
        mapper.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.Float, CoercionAction.TryConvert);
        mapper.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.Integer, CoercionAction.TryConvert);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Boolean,
                CoercionAction.TryConvert);
        return mapper;
    }

    static boolean known(Map<String, Object> object) {
        return TYPES.containsKey(object.get("apiVersion") + "/" + object.get("kind"));
    }

    /** The problems of one object; empty when it is valid. */
    static List<String> validate(Map<String, Object> object) {
        Class<?> type = TYPES.get(object.get("apiVersion") + "/" + object.get("kind"));
        if (type == null) {
            return List.of("unknown kind " + object.get("apiVersion") + "/" + object.get("kind"));
        }
        return read(object, type);
    }

    /** Reads {@code value} as {@code type} strictly (also for parts of custom resources that embed Kubernetes types). */
    static List<String> read(Object value, Class<?> type) {
        Object read;
        try {
            read = MAPPER.convertValue(value, type);
        } catch (IllegalArgumentException e) {
            return List.of(e.getMessage().replaceAll("\\s+", " "));
        }
        List<String> problems = new ArrayList<>();
        unknownFields(read, type.getSimpleName(), problems);
        return problems;
    }

    static List<String> meta(Object metadata) {
        return read(metadata, ObjectMeta.class);
    }

    private static void unknownFields(Object value, String path, List<String> problems) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof Enum<?>) {
            return;
        }
        if (value instanceof Collection<?> collection) {
            int i = 0;
            for (Object element : collection) {
                unknownFields(element, path + "[" + i++ + "]", problems);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> unknownFields(v, path + "." + k, problems));
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Method method : value.getClass().getMethods()) {
            if (method.getParameterCount() != 0 || Modifier.isStatic(method.getModifiers())
                    || method.getDeclaringClass() == Object.class) {
                continue;
            }
            String name = method.getName();
            try {
                if (name.equals("getAdditionalProperties")) {
                    Map<?, ?> extra = (Map<?, ?>) method.invoke(value);
                    if (extra != null && !extra.isEmpty()) {
                        problems.add(path + ": unknown field(s) " + extra.keySet());
                    }
                } else if ((name.startsWith("get") && name.length() > 3) && !name.equals("getClass")
                        && !method.getReturnType().isPrimitive()) {
                    unknownFields(method.invoke(value),
                            path + "." + Character.toLowerCase(name.charAt(3)) + name.substring(4), problems);
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                // getters that compute (e.g. Quantity helpers) are not part of the model
            }
        }
    }
}
