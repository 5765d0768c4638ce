package org.liuhua.reporting.monthly;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.bson.types.Decimal128;
import org.liuhua.reporting.projection.ProjectionSpace;
import org.liuhua.reporting.projection.TownMonths;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the shared town-month documents ({@code town_months_v<N>}) by {@code _id} only, and their figures the way
 * {@link TownMonths} says they are kept: a number as it is, a set (array) as its size, a map as the sum of its values
 * (a value that is not a number counts one).
 */
@Component
public class TownMonthDocuments {

    private final MongoTemplate mongo;

    TownMonthDocuments(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The document of a town in a month of a generation; empty when nothing happened there yet. */
    public Optional<Document> find(ProjectionSpace space, String townId, String month) {
        return Optional.ofNullable(mongo.findById(TownMonths.id(townId, month), Document.class,
                space.collection(TownMonths.COLLECTION)));
    }

    /** The figure at a dotted path ({@code hazards.reported}); 0 when absent. */
    public static long count(Document document, String path) {
        Object value = at(document, path);
        return value == null ? 0 : count(value);
    }

    /** A number at a dotted path as a decimal (money); 0 when absent; a map or set as for {@link #count}. */
    public static BigDecimal amount(Document document, String path) {
        Object value = at(document, path);
        if (value instanceof Map<?, ?> map) {
            BigDecimal sum = BigDecimal.ZERO;
            for (Object v : map.values()) {
                sum = sum.add(decimal(v));
            }
            return sum;
        }
        return value == null ? BigDecimal.ZERO : decimal(value);
    }

    /** The value at a dotted path, or null (also when a step on the way is not a document). */
    public static Object at(Document document, String path) {
        Object current = document;
        for (String step : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(step);
        }
        return current;
    }

    /** The number at a dotted path, or null when there is none. */
    public static Long number(Document document, String path) {
        Object value = at(document, path);
        return value instanceof Number n ? Long.valueOf(Math.round(n.doubleValue()))
                : value instanceof Decimal128 d ? d.bigDecimalValue().longValue() : null;
    }

    private static long count(Object value) {
        if (value instanceof Number n) {
            return Math.round(n.doubleValue());
        }
        if (value instanceof Decimal128 d) {
            return d.bigDecimalValue().longValue();
        }
        if (value instanceof Collection<?> set) {
            return set.size();
        }
        if (value instanceof Map<?, ?> map) {
            long sum = 0;
            for (Object v : map.values()) {
                sum += v instanceof Number || v instanceof Decimal128 ? count(v) : 1;
            }
            return sum;
        }
        return 0;
    }

    private static BigDecimal decimal(Object value) {
        if (value instanceof Decimal128 d) {
            return d.bigDecimalValue();
        }
        if (value instanceof BigDecimal b) {
            return b;
        }
        if (value instanceof Number n) {
            return n instanceof Long || n instanceof Integer ? BigDecimal.valueOf(n.longValue())
                    : BigDecimal.valueOf(n.doubleValue());
        }
        return BigDecimal.ZERO;
    }
}
