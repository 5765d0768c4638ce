package org.liuhua.e2e.fuzz;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.media.Schema;
import tools.jackson.databind.JsonNode;

/**
 * A small check of a JSON answer against the schema the document declares for it: required properties present,
 * each present property of the declared JSON type (null only where nullable), enum values among the declared ones,
 * dates parseable. Returns what does not conform, at most a few per answer.
 */
final class SchemaCheck {

    private static final int MAX_PROBLEMS = 3;

    private SchemaCheck() {
    }

    static List<String> problems(JsonNode node, Schema<?> schema) {
        List<String> problems = new ArrayList<>();
        check(node, schema, "$", problems, 0);
        return problems;
    }

    private static void check(JsonNode node, Schema<?> schema, String at, List<String> problems, int depth) {
        schema = Inputs.effective(schema);
        if (schema == null || problems.size() >= MAX_PROBLEMS || depth > 8) {
            return;
        }
        if (node == null || node.isNull() || node.isMissingNode()) {
            if (!Inputs.nullable(schema) && !"any".equals(Inputs.type(schema))) {
                problems.add(at + " is null but not declared nullable");
            }
            return;
        }
        String type = Inputs.type(schema);
        switch (type) {
            case "object" -> {
                if (!node.isObject()) {
                    problems.add(at + " is not an object: " + abbreviate(node));
                    return;
                }
                if (schema.getRequired() != null) {
                    for (String required : schema.getRequired()) {
                        if (!node.has(required)) {
                            problems.add(at + "." + required + " is required but missing");
                        }
                    }
                }
                if (schema.getProperties() != null) {
                    for (Map.Entry<String, Schema> property : schema.getProperties().entrySet()) {
                        if (node.has(property.getKey())) {
                            check(node.get(property.getKey()), property.getValue(), at + "." + property.getKey(),
                                    problems, depth + 1);
                        }
                    }
                }
            }
            case "array" -> {
                if (!node.isArray()) {
                    problems.add(at + " is not an array: " + abbreviate(node));
                    return;
                }
                for (int i = 0; i < Math.min(3, node.size()); i++) {
                    check(node.get(i), schema.getItems(), at + "[" + i + "]", problems, depth + 1);
                }
            }
            case "string" -> {
                if (!node.isString()) {
                    problems.add(at + " is not a string: " + abbreviate(node));
                    return;
                }
                List<String> enums = Inputs.enumValues(schema);
                if (!enums.isEmpty() && !enums.contains(node.asString())) {
                    problems.add(at + " = " + node.asString() + " is not one of " + enums);
                }
                if (!parses(schema.getFormat(), node.asString())) {
                    problems.add(at + " = " + node.asString() + " is not a " + schema.getFormat());
                }
            }
            case "integer" -> {
                if (!node.isIntegralNumber()) {
                    problems.add(at + " is not an integer: " + abbreviate(node));
                }
            }
            case "number" -> {
                if (!node.isNumber()) {
                    problems.add(at + " is not a number: " + abbreviate(node));
                }
            }
            case "boolean" -> {
                if (!node.isBoolean()) {
                    problems.add(at + " is not a boolean: " + abbreviate(node));
                }
            }
            default -> {
            }
        }
    }

    private static boolean parses(String format, String value) {
        try {
            if ("date".equals(format)) {
                LocalDate.parse(value);
            } else if ("date-time".equals(format)) {
                try {
                    Instant.parse(value);
                } catch (RuntimeException e) {
                    OffsetDateTime.parse(value);
                }
            }
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }
}
