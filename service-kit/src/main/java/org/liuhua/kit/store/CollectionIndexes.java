package org.liuhua.kit.store;

import java.util.List;

import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexDefinition;

/**
 * The indexes a service's queries need on one collection, declared in code as a bean next to the queries that use
 * them. The kit creates every declared index at start-up ({@link IndexCreator}); a service's index test holds each
 * query path against these declarations, and the Testcontainers variant against the indexes a real MongoDB reports.
 * (The embedded stand-in creates only {@code _id} and unique single-field indexes and logs the others as ignored.)
 */
public record CollectionIndexes(String collection, List<IndexDefinition> indexes) {

    public CollectionIndexes {
        indexes = List.copyOf(indexes);
    }

    public static CollectionIndexes of(String collection, IndexDefinition... indexes) {
        return new CollectionIndexes(collection, List.of(indexes));
    }

    /** An ascending index over the fields, in order; the name lists them. */
    public static Index on(String... fields) {
        Index index = new Index().named(String.join("_", fields).replace('.', '_'));
        for (String field : fields) {
            index.on(field, org.springframework.data.domain.Sort.Direction.ASC);
        }
        return index;
    }

    /** The field lists of every declared index, e.g. {@code [[sourceKey], [establishmentId, state, reportedAt]]}. */
    public List<List<String>> keys() {
        return indexes.stream().map(i -> List.copyOf(i.getIndexKeys().keySet())).toList();
    }
}
