package org.liuhua.e2e.fuzz;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Input values generated from OpenAPI schemas with jqwik arbitraries drawn from one seeded {@link Random}, so a run is
 * repeatable: valid values (required fields, enums, date formats, minimum/maximum, lengths; references to other
 * objects name the demo fixture's objects) and the invalid ones a client may send (wrong types, bad dates, numbers
 * out of range, unknown enum values, huge strings, control characters).
 */
final class Inputs {

    static final String HUGE = "长".repeat(20_000);
    static final String CONTROL = "POST\u0000\u0007\r\n";
    /** The document's extension saying on which side of today a date must lie (the kit's ApiDocsConfiguration). */
    static final String DATE_BOUND = "x-liuhua-date-bound";
    /** A 1×1 PNG: the file of a valid upload. */
    static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
    /** Reference fields and the demo fixture object each one names in a valid input. */
    static final Map<String, String> FIXTURE_REFERENCES = Map.ofEntries(
            Map.entry("townId", "zjg-jinfeng"), Map.entry("villageId", "zjg-jinfeng-v01"),
            Map.entry("gridId", "zjg-jinfeng-v01-g1"), Map.entry("unitId", "zjg-jinfeng-v01-g1-u1"),
            Map.entry("establishmentId", "est-jinfeng-0001"), Map.entry("departmentId", "dept-industry"),
            Map.entry("inspectorId", "insp-jinfeng-01"), Map.entry("firmId", "demo-firm"),
            Map.entry("regionId", "zjg-jinfeng"));
    /** The demo fixture's objects, which the other end-to-end tests rely on: never the target of a valid write. */
    static final Set<String> PROTECTED_IDS = Set.of("zjg-jinfeng", "zjg-leyu", "zjg-jinfeng-v01", "zjg-leyu-v01",
            "zjg-jinfeng-v01-g1", "zjg-leyu-v01-g1", "zjg-jinfeng-v01-g1-u1", "zjg-leyu-v01-g1-u1",
            "est-jinfeng-0001", "est-jinfeng-0002", "est-leyu-0001", "insp-jinfeng-01", "dept-industry",
            "dept-housing", "demo-firm");

    private final Random random;

    Inputs(long seed) {
        this.random = new Random(seed);
    }

    <T> T draw(Arbitrary<T> arbitrary) {
        return arbitrary.generator(100).next(random).value();
    }

    <T> T pick(List<T> values) {
        return draw(Arbitraries.of(values));
    }

    boolean chance(double probability) {
        return draw(Arbitraries.doubles().between(0, 1)) < probability;
    }

    // --- schema facts ---------------------------------------------------------------------------------------------

    static String type(Schema<?> schema) {
        if (schema == null) {
            return "object";
        }
        if (schema.getType() != null) {
            return schema.getType();
        }
        if (schema.getTypes() != null) {
            for (Object type : schema.getTypes()) {
                if (!"null".equals(type)) {
                    return type.toString();
                }
            }
        }
        if (schema.getProperties() != null) {
            return "object";
        }
        if (schema.getItems() != null) {
            return "array";
        }
        if (schema.getAllOf() != null && !schema.getAllOf().isEmpty()) {
            return type(schema.getAllOf().get(0));
        }
        if (schema.getOneOf() != null && !schema.getOneOf().isEmpty()) {
            return type(schema.getOneOf().get(0));
        }
        return "any";
    }

    static boolean nullable(Schema<?> schema) {
        return Boolean.TRUE.equals(schema.getNullable())
                || (schema.getTypes() != null && schema.getTypes().contains("null"));
    }

    static Schema<?> effective(Schema<?> schema) {
        if (schema != null && schema.getProperties() == null && schema.getAllOf() != null
                && schema.getAllOf().size() == 1) {
            return schema.getAllOf().get(0);
        }
        return schema;
    }

    static boolean isDate(Schema<?> schema) {
        return "date".equals(schema.getFormat()) || "date-time".equals(schema.getFormat());
    }

    static List<String> enumValues(Schema<?> schema) {
        if (schema.getEnum() == null || schema.getEnum().isEmpty()) {
            return List.of();
        }
        return schema.getEnum().stream().map(String::valueOf).toList();
    }

    // --- valid values ---------------------------------------------------------------------------------------------

    /** A valid value for a field or parameter of this schema, or {@code null} when the schema says nothing useful. */
    Object valid(String name, Schema<?> schema, int depth) {
        schema = effective(schema);
        if (schema == null) {
            return "x";
        }
        List<String> enums = enumValues(schema);
        if (!enums.isEmpty()) {
            return pick(enums);
        }
        String type = type(schema);
        switch (type) {
            case "integer":
                return draw(Arbitraries.longs().between(lower(schema, name),
                        Math.max(lower(schema, name), upper(schema, name))));
            case "number":
                if (name.equalsIgnoreCase("latitude") || name.equals("lat")) {
                    return 31.95 + draw(Arbitraries.doubles().between(0, 0.001).ofScale(5));
                }
                if (name.equalsIgnoreCase("longitude") || name.equals("lon")) {
                    return 120.63 + draw(Arbitraries.doubles().between(0, 0.001).ofScale(5));
                }
                return (double) draw(Arbitraries.longs().between(lower(schema, name),
                        Math.max(lower(schema, name), upper(schema, name))));
            case "boolean":
                return draw(Arbitraries.of(true, false));
            case "array": {
                int min = schema.getMinItems() == null ? 0 : schema.getMinItems();
                // references to objects the fuzzer cannot know (evidence, photos, ...): none, unless some are required
                boolean unknownReferences = name.endsWith("Ids") && !FIXTURE_REFERENCES.containsKey(singular(name));
                int count = depth > 2 || unknownReferences ? min
                        : Math.max(min, draw(Arbitraries.integers().between(0, 2)));
                List<Object> items = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    items.add(valid(singular(name), schema.getItems(), depth + 1));
                }
                return items;
            }
            case "object":
                return validObject(schema, depth);
            case "string":
                return validString(name, schema);
            default:
                return "x";
        }
    }

    Map<String, Object> validObject(Schema<?> schema, int depth) {
        schema = effective(schema);
        Map<String, Object> object = new LinkedHashMap<>();
        if (schema == null || schema.getProperties() == null) {
            return object;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        schema.getProperties().forEach((name, property) -> {
            if (required.contains(name) || (depth < 3 && chance(0.7))) {
                object.put(name, valid(name, property, depth + 1));
            }
        });
        return object;
    }

    private String validString(String name, Schema<?> schema) {
        // a date the document bounds to the future lies ahead (from tomorrow: today differs between time zones);
        // any other date lies in the recent past, as most dates a client sends (checks, photos, trainings) do
        boolean ahead = schema.getExtensions() != null
                && String.valueOf(schema.getExtensions().get(DATE_BOUND)).startsWith("future");
        if ("date".equals(schema.getFormat())) {
            return ahead ? LocalDate.now().plusDays(draw(Arbitraries.integers().between(2, 30))).toString()
                    : LocalDate.now().minusDays(draw(Arbitraries.integers().between(0, 30))).toString();
        }
        if ("date-time".equals(schema.getFormat())) {
            return ahead ? Instant.now().plus(draw(Arbitraries.integers().between(2, 30)), ChronoUnit.DAYS)
                    .truncatedTo(ChronoUnit.SECONDS).toString()
                    : Instant.now().minus(draw(Arbitraries.integers().between(5, 600)), ChronoUnit.MINUTES)
                    .truncatedTo(ChronoUnit.SECONDS).toString();
        }
        if (FIXTURE_REFERENCES.containsKey(name)) {
            return FIXTURE_REFERENCES.get(name);
        }
        if (name.equals("id") || name.endsWith("Ref") || name.equals("externalId")) {
            return "fuzz-" + draw(Arbitraries.strings().withCharRange('a', 'z').numeric().ofLength(10));
        }
        if (name.toLowerCase().contains("phone")) {
            return "138" + draw(Arbitraries.strings().numeric().ofLength(8));
        }
        if (name.equals("month")) {
            return LocalDate.now().minusMonths(1).toString().substring(0, 7);
        }
        if (name.equals("year")) {
            return String.valueOf(LocalDate.now().getYear());
        }
        int min = schema.getMinLength() == null ? 1 : Math.max(1, schema.getMinLength());
        int max = schema.getMaxLength() == null ? 16 : Math.min(schema.getMaxLength(), 16);
        if (max < min) {
            max = min;
        }
        return draw(Arbitraries.strings().withCharRange('\u4e00', '\u4fff').alpha().numeric()
                .ofMinLength(min).ofMaxLength(max));
    }

    private static long lower(Schema<?> schema, String name) {
        if (schema.getMinimum() != null) {
            return schema.getMinimum().setScale(0, java.math.RoundingMode.CEILING).longValue();
        }
        return name.equals("page") ? 0 : name.equals("size") ? 1 : 0;
    }

    private static long upper(Schema<?> schema, String name) {
        long lower = lower(schema, name);
        if (name.equals("page")) {
            return 2;
        }
        if (name.equals("size")) {
            return 50;
        }
        if (schema.getMaximum() != null) {
            return Math.min(schema.getMaximum().setScale(0, java.math.RoundingMode.FLOOR).longValue(), lower + 100);
        }
        return lower + 100;
    }

    private static String singular(String name) {
        return name.endsWith("Ids") ? name.substring(0, name.length() - 1) : name;
    }

    // --- invalid values -------------------------------------------------------------------------------------------

    /** One bad value of a field or parameter, what kind of bad it is; the kinds that apply to this schema. */
    record Bad(String kind, Object value) {
    }

    List<Bad> invalid(String name, Schema<?> schema, boolean inBody) {
        schema = effective(schema);
        List<Bad> bad = new ArrayList<>();
        if (schema == null) {
            return bad;
        }
        String type = type(schema);
        switch (type) {
            case "integer", "number" -> {
                bad.add(new Bad("wrong type", "not-a-number"));
                bad.add(new Bad("wrong type", inBody ? (Object) List.of(1) : "1.5e999"));
                if (schema.getMaximum() != null) {
                    bad.add(new Bad("above maximum", schema.getMaximum().add(BigDecimal.ONE)));
                } else {
                    bad.add(new Bad("huge number", inBody ? (Object) new BigDecimal("1e30") : "99999999999999999999"));
                }
                if (schema.getMinimum() != null) {
                    bad.add(new Bad("below minimum", schema.getMinimum().subtract(BigDecimal.ONE)));
                } else {
                    bad.add(new Bad("negative", -1));
                }
            }
            case "boolean" -> bad.add(new Bad("wrong type", "maybe"));
            case "array" -> {
                bad.add(new Bad("wrong type", inBody ? (Object) "not-a-list" : CONTROL));
                if (inBody) {
                    bad.add(new Bad("wrong item type", List.of(Map.of("x", List.of()))));
                }
            }
            case "object" -> bad.add(new Bad("wrong type", inBody ? (Object) "not-an-object" : CONTROL));
            default -> {
                if (isDate(schema)) {
                    bad.add(new Bad("bad date", draw(Arbitraries.of("2026-02-30", "yesterday", "2026-13-45T25:61:00Z",
                            "31/12/2026"))));
                    if (inBody) {
                        bad.add(new Bad("number for a date", 20261231));
                    }
                    bad.add(new Bad("date far away", "date".equals(schema.getFormat()) ? "2999-01-01"
                            : "2999-01-01T00:00:00Z"));
                } else if (!enumValues(schema).isEmpty()) {
                    bad.add(new Bad("unknown enum value", "NO_SUCH_VALUE"));
                    if (inBody) {
                        bad.add(new Bad("number for an enum", 7));
                    }
                } else {
                    bad.add(new Bad("huge string", inBody ? HUGE : "长".repeat(1_000)));
                    if (inBody) {
                        bad.add(new Bad("object for a string", Map.of("a", 1)));
                    }
                }
                bad.add(new Bad("control characters", CONTROL));
            }
        }
        return bad;
    }

    // --- request building -----------------------------------------------------------------------------------------

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String query(Map<String, String> parameters) {
        StringBuilder query = new StringBuilder();
        parameters.forEach((name, value) -> query.append(query.isEmpty() ? "?" : "&").append(encode(name)).append('=')
                .append(encode(value)));
        return query.toString();
    }

    static boolean required(Parameter parameter) {
        return Boolean.TRUE.equals(parameter.getRequired());
    }
}
