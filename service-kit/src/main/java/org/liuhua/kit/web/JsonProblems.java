package org.liuhua.kit.web;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * What {@link ProblemHandling} says about a body Jackson could not read: the JSON path of the value
 * ({@code checkIns[3].deviceTime}) and what was expected there, in words a client can act on (no Java class names).
 */
final class JsonProblems {

    /** The name of the request body as a whole in {@code errors[].field} (a body that is missing, not JSON, or an
     * array or a scalar where an object belongs). */
    static final String BODY = "body";

    private JsonProblems() {
    }

    /**
     * The path Jackson recorded while binding; when it recorded none (malformed JSON, a string over the length
     * limit), the parser's position; empty when the problem is the document itself, {@code body} when the document
     * is an array where an object belongs.
     */
    static String path(JacksonException e) {
        if (e instanceof StreamReadException && e.processor() instanceof JsonParser parser) {
            List<String> position = positionOf(parser.streamReadContext());
            if (!position.isEmpty()) {
                return join(position);
            }
        }
        List<String> parts = new ArrayList<>();
        for (JacksonException.Reference reference : e.getPath()) {
            parts.add(reference.getPropertyName() != null ? "." + reference.getPropertyName()
                    : "[" + reference.getIndex() + "]");
        }
        if (parts.isEmpty() && e.processor() instanceof JsonParser parser) {
            parts = positionOf(parser.streamReadContext());
            if (parts.size() == 1 && parts.get(0).startsWith("[") && e instanceof MismatchedInputException mismatch
                    && !isList(mismatch.getTargetType())) {
                // a JSON array where the body must be an object: the body itself is wrong, not its first item
                return BODY;
            }
        }
        return join(parts);
    }

    private static boolean isList(Class<?> type) {
        return type != null && (type.isArray() || Collection.class.isAssignableFrom(type));
    }

    private static String join(List<String> parts) {
        String path = String.join("", parts);
        return path.startsWith(".") ? path.substring(1) : path;
    }

    private static List<String> positionOf(TokenStreamContext context) {
        List<String> parts = new ArrayList<>();
        for (TokenStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            if (at.inObject() && at.currentName() != null) {
                parts.add("." + at.currentName());
            } else if (at.inArray() && at.getCurrentIndex() >= 0) {
                parts.add("[" + at.getCurrentIndex() + "]");
            }
        }
        Collections.reverse(parts);
        return parts;
    }

    static String describe(JacksonException e) {
        if (e instanceof StreamConstraintsException || e.getCause() instanceof StreamConstraintsException) {
            return "is too long: " + firstLine(e.getOriginalMessage()).replaceAll(",? from `[^`]*`", "");
        }
        if (e instanceof ValueInstantiationException) {
            return "has a value that cannot be accepted";
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            String expected = expected(mismatch.getTargetType());
            if (e instanceof InvalidFormatException format && format.getValue() != null) {
                return "must be " + expected + ", not '" + cut(String.valueOf(format.getValue())) + "'";
            }
            return "must be " + expected;
        }
        if (e instanceof StreamReadException) {
            return "is not valid JSON here: " + firstLine(e.getOriginalMessage());
        }
        return "has a value that cannot be read";
    }

    private static String expected(Class<?> type) {
        if (type.isEnum()) {
            List<String> names = Arrays.stream(type.getEnumConstants()).map(String::valueOf).toList();
            return "one of " + String.join(", ", names.size() > 30 ? names.subList(0, 30) : names);
        }
        if (type == LocalDate.class) {
            return "a date like 2026-03-01";
        }
        if (type == LocalTime.class) {
            return "a time like 08:30";
        }
        if (TemporalAccessor.class.isAssignableFrom(type) || java.util.Date.class.isAssignableFrom(type)) {
            return "an ISO-8601 date-time like 2026-03-01T08:30:00+08:00";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == java.math.BigInteger.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (type == String.class || CharSequence.class.isAssignableFrom(type)) {
            return "a string";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord() || !type.getName().startsWith("java.")) {
            return "an object";
        }
        return "a value of another shape";
    }

    private static String cut(String value) {
        String cut = value.length() > 60 ? value.substring(0, 60) + "…" : value;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
