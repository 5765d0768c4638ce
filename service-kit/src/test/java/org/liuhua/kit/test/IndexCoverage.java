package org.liuhua.kit.test;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.liuhua.kit.store.CollectionIndexes;
import org.springframework.data.mongodb.core.index.IndexDefinition;

/**
 * Holds query paths against the declared indexes ({@link CollectionIndexes} beans, plus the kit's outbox indexes from
 * {@code IndexCreator.declared()}). A path is served when
 * <ul>
 *   <li>its filter names {@code _id} (the primary key), or</li>
 *   <li>a declared index of its collection starts with a field the filter names (MongoDB can use an index whose
 *       leading field is constrained), or</li>
 *   <li>it has no filter and a declared index starts with its first sort field (a sorted list without filter).</li>
 * </ul>
 * A path without filter and without sort reads the whole collection on purpose (totals, statistics over everything)
 * and needs no index.
 */
public final class IndexCoverage {

    private IndexCoverage() {
    }

    /** The declared index that serves the path; empty for {@code _id} and whole-collection reads. */
    public static Optional<IndexDefinition> servingIndex(QueryPaths.Path path, Collection<CollectionIndexes> declared) {
        for (CollectionIndexes collection : declared) {
            if (!collection.collection().equals(path.collection())) {
                continue;
            }
            for (IndexDefinition index : collection.indexes()) {
                String leading = index.getIndexKeys().keySet().iterator().next();
                if (path.filter().contains(leading)
                        || path.filter().isEmpty() && !path.sort().isEmpty() && path.sort().get(0).equals(leading)) {
                    return Optional.of(index);
                }
            }
        }
        return Optional.empty();
    }

    public static boolean isServed(QueryPaths.Path path, Collection<CollectionIndexes> declared) {
        return path.filter().contains("_id") || path.filter().isEmpty() && path.sort().isEmpty()
                || servingIndex(path, declared).isPresent();
    }

    /** Fails listing every path no declared index serves. */
    public static void assertServed(Collection<QueryPaths.Path> paths, Collection<CollectionIndexes> declared) {
        List<String> unserved = new ArrayList<>();
        for (QueryPaths.Path path : paths) {
            if (!isServed(path, declared)) {
                unserved.add(path.toString());
            }
        }
        if (!unserved.isEmpty()) {
            throw new AssertionError("query paths without a declared index:\n  " + String.join("\n  ", unserved)
                    + "\ndeclared: " + declared.stream().map(c -> c.collection() + " " + c.keys()).toList());
        }
    }
}
