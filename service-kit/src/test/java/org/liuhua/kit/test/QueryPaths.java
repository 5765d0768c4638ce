package org.liuhua.kit.test;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;

/**
 * Records the query path of every read and write a service sends to MongoDB: the collection, the fields its filter
 * names and the fields it sorts by (a filter with {@code $or} gives one path per branch). A service's index test
 * drives its endpoints and listeners, then holds every recorded path against the declared indexes with
 * {@link IndexCoverage}, so a new query without an index, or a removed index, fails the test.
 *
 * <pre>{@code
 * @TestConfiguration
 * static class Recording {
 *     @Bean QueryPaths queryPaths() { return new QueryPaths(); }
 *     @Bean MongoClientSettingsBuilderCustomizer recordQueries(QueryPaths paths) { return paths.customizer(); }
 * }
 * }</pre>
 */
public final class QueryPaths implements CommandListener {

    /**
     * One way a collection is read.
     *
     * @param collection the collection
     * @param filter     the fields the filter names (dotted paths), in order
     * @param sort       the fields sorted by, in order
     */
    public record Path(String collection, List<String> filter, List<String> sort) {

        public Path {
            filter = List.copyOf(filter);
            sort = List.copyOf(sort);
        }

        public static Path of(String collection, String... filter) {
            return new Path(collection, List.of(filter), List.of());
        }

        public Path sortedBy(String... fields) {
            return new Path(collection, filter, List.of(fields));
        }

        @Override
        public String toString() {
            return collection + " " + filter + (sort.isEmpty() ? "" : " sorted by " + sort);
        }
    }

    private static final Set<String> COMMANDS = Set.of("find", "aggregate", "count", "update", "delete",
            "findAndModify");

    private final List<Path> recorded = new CopyOnWriteArrayList<>();

    /** Registers this listener with the service's MongoDB client. */
    public MongoClientSettingsBuilderCustomizer customizer() {
        return settings -> settings.addCommandListener(this);
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        if (COMMANDS.contains(event.getCommandName())) {
            recorded.addAll(paths(event.getCommand()));
        }
    }

    /** Every path recorded so far, each once. */
    public List<Path> recorded() {
        return List.copyOf(new LinkedHashSet<>(recorded));
    }

    /** The recorded paths on one collection. */
    public List<Path> recorded(String collection) {
        return recorded().stream().filter(p -> p.collection().equals(collection)).toList();
    }

    /** The query paths of one command document (as the driver sends it). */
    public static List<Path> paths(BsonDocument command) {
        String name = command.getFirstKey();
        if (!command.get(name).isString()) {
            return List.of();
        }
        String collection = command.getString(name).getValue();
        List<Path> paths = new ArrayList<>();
        switch (name) {
            case "find" -> paths.addAll(branches(collection, document(command, "filter"), document(command, "sort")));
            case "count" -> paths.addAll(branches(collection, document(command, "query"), null));
            case "findAndModify" -> paths.addAll(branches(collection, document(command, "query"),
                    document(command, "sort")));
            case "update", "delete" -> {
                String list = name.equals("update") ? "updates" : "deletes";
                for (BsonValue statement : command.getArray(list, new BsonArray())) {
                    paths.addAll(branches(collection, statement.asDocument().getDocument("q", new BsonDocument()),
                            null));
                }
            }
            case "aggregate" -> {
                BsonDocument match = null;
                BsonDocument sort = null;
                // the leading $match and $sort read the collection; stages after a $group read groups
                for (BsonValue stage : command.getArray("pipeline", new BsonArray())) {
                    BsonDocument s = stage.asDocument();
                    if (s.containsKey("$match") && match == null && sort == null) {
                        match = s.getDocument("$match");
                    } else if (s.containsKey("$sort") && sort == null) {
                        sort = s.getDocument("$sort");
                    } else if (!s.containsKey("$skip") && !s.containsKey("$limit")) {
                        break;
                    }
                }
                paths.addAll(branches(collection, match, sort));
            }
            default -> {
            }
        }
        return paths;
    }

    private static BsonDocument document(BsonDocument command, String key) {
        BsonValue value = command.get(key);
        return value != null && value.isDocument() ? value.asDocument() : null;
    }

    private static List<Path> branches(String collection, BsonDocument filter, BsonDocument sort) {
        List<String> sortFields = sort == null ? List.of() : List.copyOf(sort.keySet());
        List<Path> paths = new ArrayList<>();
        for (List<String> fields : fieldBranches(filter == null ? new BsonDocument() : filter)) {
            paths.add(new Path(collection, fields, sortFields));
        }
        return paths;
    }

    /** The field lists a filter names; {@code $or}/{@code $nor} give one list per branch, {@code $and} joins. */
    static List<List<String>> fieldBranches(BsonDocument filter) {
        List<List<String>> branches = new ArrayList<>();
        branches.add(new ArrayList<>());
        for (Map.Entry<String, BsonValue> entry : filter.entrySet()) {
            String key = entry.getKey();
            if (key.equals("$and")) {
                for (BsonValue part : entry.getValue().asArray()) {
                    branches = join(branches, fieldBranches(part.asDocument()));
                }
            } else if (key.equals("$or") || key.equals("$nor")) {
                List<List<String>> alternatives = new ArrayList<>();
                for (BsonValue part : entry.getValue().asArray()) {
                    alternatives.addAll(fieldBranches(part.asDocument()));
                }
                branches = join(branches, alternatives);
            } else if (!key.startsWith("$")) {
                for (List<String> branch : branches) {
                    if (!branch.contains(key)) {
                        branch.add(key);
                    }
                }
            }
        }
        return branches;
    }

    private static List<List<String>> join(List<List<String>> left, List<List<String>> right) {
        List<List<String>> joined = new ArrayList<>();
        for (List<String> l : left) {
            for (List<String> r : right) {
                List<String> both = new ArrayList<>(l);
                r.stream().filter(f -> !both.contains(f)).forEach(both::add);
                joined.add(both);
            }
        }
        return joined;
    }
}
