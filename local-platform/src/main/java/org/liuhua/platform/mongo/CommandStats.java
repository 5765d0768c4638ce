package org.liuhua.platform.mongo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import de.bwaldvogel.mongo.bson.Document;

/**
 * Where the store's time goes, by command, collection and the shape of its filter (the field names, not their
 * values): the stand-in scans its collection for every filter but {@code _id} and unique fields, so a hot path that
 * filters on anything else shows up here at the top. Off unless {@code -Dliuhua.store.commandStats=<seconds>} is
 * given to the process that runs the store; then the top entries by total time are logged at that interval.
 */
final class CommandStats {

    /** How many entries each report lists ({@code -Dliuhua.store.commandStats.top}, default 20). */
    private static final int TOP = Integer.getInteger("liuhua.store.commandStats.top", 20);

    private final Map<String, long[]> totals = new ConcurrentHashMap<>();
    private final LongAdder commands = new LongAdder();

    void record(String database, String command, Document query, long nanos) {
        commands.increment();
        long[] entry = totals.computeIfAbsent(database + " " + key(command, query), k -> new long[2]);
        synchronized (entry) {
            entry[0]++;
            entry[1] += nanos;
        }
    }

    /** The top entries by total time, one line each: total ms, count, mean ms, key. */
    List<String> top() {
        List<Map.Entry<String, long[]>> entries = new ArrayList<>(totals.entrySet());
        entries.sort((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]));
        List<String> lines = new ArrayList<>();
        lines.add(String.format("%d commands since start; top by total time: total ms, count, mean ms, command",
                commands.sum()));
        for (Map.Entry<String, long[]> entry : entries.subList(0, Math.min(TOP, entries.size()))) {
            long count = entry.getValue()[0];
            long nanos = entry.getValue()[1];
            lines.add(String.format("%10.0f %8d %8.2f  %s", nanos / 1e6, count, nanos / 1e6 / Math.max(1, count),
                    entry.getKey()));
        }
        return lines;
    }

    static String key(String command, Document query) {
        Object collection = query.get(command);
        String shape = switch (command) {
            case "find", "count", "delete" -> fields(query.get("filter") != null ? query.get("filter")
                    : firstOf(query.get("deletes"), "q"));
            case "update" -> fields(firstOf(query.get("updates"), "q"));
            case "findAndModify", "findandmodify" -> fields(query.get("query"));
            case "aggregate" -> firstStage(query.get("pipeline"));
            default -> "";
        };
        return command + " " + (collection instanceof String name ? name : "") + " " + shape;
    }

    private static Object firstOf(Object list, String field) {
        return list instanceof List<?> items && !items.isEmpty() && items.get(0) instanceof Document first
                ? first.get(field) : null;
    }

    private static String firstStage(Object pipeline) {
        if (!(pipeline instanceof List<?> stages) || stages.isEmpty() || !(stages.get(0) instanceof Document stage)) {
            return "";
        }
        String name = stage.keySet().iterator().next();
        return name + (stage.get(name) instanceof Document match && name.equals("$match") ? fields(match) : "");
    }

    private static String fields(Object filter) {
        if (!(filter instanceof Document document)) {
            return "{}";
        }
        return new TreeSet<>(document.keySet()).toString();
    }
}
