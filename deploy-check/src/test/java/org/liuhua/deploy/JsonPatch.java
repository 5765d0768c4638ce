package org.liuhua.deploy;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** RFC 6902 add, remove and replace over the plain YAML model (what kustomize's JSON 6902 patches use here). */
final class JsonPatch {

    private JsonPatch() {
    }

    static void apply(Map<String, Object> object, List<Object> operations) {
        for (Object o : operations) {
            Map<String, Object> operation = Kustomize.asMap(o, "JSON 6902 operation");
            String op = (String) operation.get("op");
            String path = (String) operation.get("path");
            if (!Set.of("add", "remove", "replace").contains(op)) {
                throw new IllegalArgumentException("JSON 6902 op '" + op + "' is not supported by deploy-check");
            }
            for (String key : operation.keySet()) {
                if (!Set.of("op", "path", "value").contains(key)) {
                    throw new IllegalArgumentException("JSON 6902 operation field '" + key + "' is not supported");
                }
            }
            String[] tokens = path.substring(1).split("/", -1);
            Object parent = object;
            for (int i = 0; i < tokens.length - 1; i++) {
                parent = child(parent, unescape(tokens[i]), path);
            }
            String last = unescape(tokens[tokens.length - 1]);
            Object value = Kustomize.deepCopy(operation.get("value"));
            if (parent instanceof Map<?, ?>) {
                Map<String, Object> map = Kustomize.castMap(parent);
                if (!op.equals("add") && !map.containsKey(last)) {
                    throw new IllegalArgumentException("JSON 6902 " + op + ": " + path + " does not exist");
                }
                if (op.equals("remove")) {
                    map.remove(last);
                } else {
                    map.put(last, value);
                }
            } else if (parent instanceof List<?>) {
                List<Object> list = Kustomize.castList(parent);
                if (op.equals("add") && last.equals("-")) {
                    list.add(value);
                    continue;
                }
                int index = Integer.parseInt(last);
                if (index < 0 || index > list.size() || (!op.equals("add") && index == list.size())) {
                    throw new IllegalArgumentException("JSON 6902 " + op + ": " + path + " is out of range");
                }
                switch (op) {
                    case "add" -> list.add(index, value);
                    case "remove" -> list.remove(index);
                    default -> list.set(index, value);
                }
            } else {
                throw new IllegalArgumentException("JSON 6902: " + path + " does not exist");
            }
        }
    }

    private static Object child(Object parent, String token, String path) {
        Object child = null;
        if (parent instanceof Map<?, ?> map) {
            child = map.get(token);
        } else if (parent instanceof List<?> list && token.matches("\\d+") && Integer.parseInt(token) < list.size()) {
            child = list.get(Integer.parseInt(token));
        }
        if (child == null) {
            throw new IllegalArgumentException("JSON 6902: " + path + " does not exist");
        }
        return child;
    }

    private static String unescape(String token) {
        return token.replace("~1", "/").replace("~0", "~");
    }
}
