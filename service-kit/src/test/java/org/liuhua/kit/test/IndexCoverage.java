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
 *   <li>a declared index of its collection starts with the first field the filter names (write each query with its
 *       most selective field first, and declare an index leading with it), or</li>
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
                if (!path.filter().isEmpty() && path.filter().get(0).equals(leading)
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

    /**
     * Fails when a declared index is not needed by any path: removing each in turn must leave a path unserved (so a
     * test built on this fails when an index is removed, and no index is declared for nothing).
     */
    public static void assertEachIndexIsNeeded(Collection<QueryPaths.Path> paths,
                                               Collection<CollectionIndexes> declared) {
        List<String> unneeded = new ArrayList<>();
        for (CollectionIndexes collection : declared) {
            for (IndexDefinition index : collection.indexes()) {
                List<CollectionIndexes> without = declared.stream().map(c -> c != collection ? c
                        : new CollectionIndexes(c.collection(), c.indexes().stream().filter(i -> i != index).toList()))
                        .toList();
                if (paths.stream().allMatch(p -> isServed(p, without))) {
                    unneeded.add(collection.collection() + " " + index.getIndexKeys().keySet());
                }
            }
        }
        if (!unneeded.isEmpty()) {
            throw new AssertionError("declared indexes no query path needs:\n  " + String.join("\n  ", unneeded));
        }
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
