package org.liuhua.hazard.loop;

import java.util.Comparator;
import java.util.Date;

import org.bson.Document;
import org.springframework.data.domain.Sort;

/**
 * A page's order applied to stored documents in memory, as MongoDB orders them: missing and null first (ascending),
 * then numbers by value, strings, booleans (false first) and dates; values of different kinds by that kind order.
 * The property {@code id} is the stored {@code _id}. Used where a page is cut from documents read by {@code _id}
 * (the ledger, ADR 14) so that it equals the page the query would have returned.
 */
final class StoredOrder {

    private StoredOrder() {
    }

    static Comparator<Document> of(Sort sort) {
        Comparator<Document> order = (a, b) -> 0;
        for (Sort.Order o : sort) {
            String field = o.getProperty().equals("id") ? "_id" : o.getProperty();
            Comparator<Document> byField = (a, b) -> compare(a.get(field), b.get(field));
            order = order.thenComparing(o.isAscending() ? byField : byField.reversed());
        }
        return order;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compare(Object a, Object b) {
        int kinds = Integer.compare(kind(a), kind(b));
        if (kinds != 0) {
            return kinds;
        }
        if (a == null) {
            return 0;
        }
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        if (a instanceof Comparable x) {
            return x.compareTo(b);
        }
        return String.valueOf(a).compareTo(String.valueOf(b));
    }

    /** MongoDB's order of kinds of values (null, numbers, strings, booleans, dates; anything else last). */
    private static int kind(Object value) {
        if (value == null) return 0;
        if (value instanceof Number) return 1;
        if (value instanceof String) return 2;
        if (value instanceof Boolean) return 4;
        if (value instanceof Date) return 5;
        return 9;
    }
}
