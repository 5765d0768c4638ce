package org.liuhua.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.IntConsumer;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.liuhua.platform.MongoStore;
import org.liuhua.platform.Ports;

/**
 * Scenario g — what each store operation of a hot path costs at two sizes of its collection, side by side (issue 14,
 * item 3: "at 1,000,000 hazards each hot path costs what it costs at 1,000"). It needs no services: it starts its own
 * MongoDB stand-in (the H2 backend the platform runs on, in a temporary file), fills two collections of aggregate-shaped
 * documents ({@code bench.g.small}, {@code bench.g.large}; the kit's indexes: sparse {@code outbox.eventId}, unique
 * sparse {@code versionKey}) and times the very queries the kit and the consumers send. The ratio large/small is the
 * figure: ~1 means the cost does not grow with the data; ~large/small means the operation scans the collection.
 */
final class HotPathCosts {

    private record Operation(String name, IntConsumer run) {
    }

    private HotPathCosts() {
    }

    static void run(Table table) {
        int small = Config.integer("bench.g.small", 1_000);
        int large = Config.integer("bench.g.large", 20_000);
        int ops = Config.integer("bench.g.ops", 200);
        java.time.Duration opLimit = Config.seconds("bench.g.opSeconds", 20);
        Path file;
        try {
            file = Files.createTempDirectory("liuhua-bench-g-").resolve("store.mv");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        int port = Ports.free().mongo();
        try (MongoStore store = new MongoStore(port, file);
             MongoClient client = startAndConnect(store)) {
            Bench.log("scenario g: hot paths at " + small + " and " + large + " documents, " + ops + " operations each");
            double[][] p50 = new double[2][];
            List<String> names = new ArrayList<>();
            int[] sizes = {small, large};
            for (int s = 0; s < 2; s++) {
                MongoCollection<Document> hazards = client.getDatabase("bench").getCollection("hazards_" + sizes[s]);
                MEMBERS.put(hazards, client.getDatabase("bench").getCollection("members_" + sizes[s]));
                fill(hazards, sizes[s]);
                fillMembers(MEMBERS.get(hazards), sizes[s]);
                List<Operation> operations = operations(hazards, sizes[s]);
                p50[s] = new double[operations.size()];
                for (int o = 0; o < operations.size(); o++) {
                    Samples samples = new Samples();
                    long start = System.nanoTime();
                    // bounded in count and in time: an operation that scans a large collection stops after
                    // bench.g.opSeconds (at least 3 operations timed)
                    long until = start + opLimit.toNanos();
                    for (int i = 0; i < ops && (i < 3 || System.nanoTime() < until); i++) {
                        long t = System.nanoTime();
                        operations.get(o).run().accept(i);
                        samples.add(System.nanoTime() - t);
                    }
                    samples.wall(System.nanoTime() - start);
                    table.row(String.format(Locale.ROOT, "g %s @%d", operations.get(o).name(), sizes[s]), samples,
                            "ops/s");
                    p50[s][o] = samples.percentileMillis(50);
                    if (s == 0) {
                        names.add(operations.get(o).name());
                    }
                }
            }
            for (int o = 0; o < names.size(); o++) {
                table.note("g %-38s p50 %.2f ms at %d, %.2f ms at %d: ratio %.1f (%s)", names.get(o), p50[0][o],
                        small, p50[1][o], large, p50[1][o] / Math.max(p50[0][o], 0.001),
                        p50[1][o] / Math.max(p50[0][o], 0.001) <= 2.0 ? "does not grow with the data"
                                : "grows with the data");
            }
        }
    }

    /** The membership collection beside a size's hazards (filled as the service fills it: one per establishment). */
    private static final java.util.Map<MongoCollection<Document>, MongoCollection<Document>> MEMBERS =
            new java.util.HashMap<>();

    private static MongoCollection<Document> members(MongoCollection<Document> hazards) {
        return MEMBERS.get(hazards);
    }

    private static MongoClient startAndConnect(MongoStore store) {
        store.start();
        return MongoClients.create(store.uri("bench"));
    }

    /** {@code size} documents shaped like a hazard aggregate: version, version key, a few fields, an empty outbox. */
    private static void fill(MongoCollection<Document> hazards, int size) {
        hazards.createIndex(Indexes.ascending("outbox.eventId"), new IndexOptions().sparse(true).name("outbox_pending"));
        hazards.createIndex(Indexes.ascending("versionKey"),
                new IndexOptions().unique(true).sparse(true).name("version_key"));
        hazards.createIndex(Indexes.ascending("revisionKey"),
                new IndexOptions().unique(true).sparse(true).name("revision_key"));
        hazards.createIndex(Indexes.ascending("sourceKey"),
                new IndexOptions().unique(true).sparse(true).name("sourceKey_unique"));
        List<Document> batch = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String id = id(i);
            batch.add(new Document("_id", id).append("version", 0L).append("versionKey", id + "#0")
                    .append("townId", "zjg-town-" + (i % 8)).append("establishmentId", "est-" + (i % 5000))
                    .append("state", "REPORTED").append("severity", "GENERAL").append("revision", 0L)
                    .append("revisionKey", id + "#0").append("sourceKey", "THIRD_PARTY:firm:DF-" + i)
                    .append("description", "消防通道堵塞，安全出口被货物占用 #" + i).append("outbox", List.of()));
            if (batch.size() == 1000) {
                hazards.insertMany(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            hazards.insertMany(batch);
        }
    }

    /** Ten source keys of a batch: half of them known, half new. */
    private static List<String> keys(Random random, int size) {
        List<String> keys = new ArrayList<>();
        for (int k = 0; k < 10; k++) {
            keys.add("THIRD_PARTY:firm:DF-" + (k % 2 == 0 ? random.nextInt(size) : size + random.nextInt(size)));
        }
        return keys;
    }

    /** One membership document per establishment of the filled hazards (as {@code establishment_hazards}). */
    private static void fillMembers(MongoCollection<Document> members, int size) {
        java.util.Map<String, List<String>> byEstablishment = new java.util.LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            byEstablishment.computeIfAbsent("est-" + (i % Math.max(1, size / 10)), e -> new ArrayList<>()).add(id(i));
        }
        List<Document> batch = new ArrayList<>();
        for (var entry : byEstablishment.entrySet()) {
            batch.add(new Document("_id", entry.getKey()).append("hazardIds", entry.getValue()));
            if (batch.size() == 1000) {
                members.insertMany(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            members.insertMany(batch);
        }
    }

    private static String id(int i) {
        return "hz-" + i;
    }

    private static List<Operation> operations(MongoCollection<Document> hazards, int size) {
        Random random = new Random(14);
        long[] versions = new long[size];
        long[] versionKeys = new long[size];
        long[] revisions = new long[size];
        List<Operation> operations = new ArrayList<>();
        operations.add(new Operation("read by _id", i -> hazards.find(Filters.eq("_id", id(random.nextInt(size))))
                .first()));
        operations.add(new Operation("update, guard {_id,version} (old)", i -> {
            int n = random.nextInt(size);
            Bson guard = Filters.and(Filters.eq("_id", id(n)), Filters.eq("version", versions[n]));
            versions[n]++;
            hazards.updateOne(guard, Updates.combine(Updates.set("version", versions[n]),
                    Updates.set("state", "RECTIFYING")));
        }));
        operations.add(new Operation("update, guard versionKey (kit)", i -> {
            int n = random.nextInt(size);
            Bson guard = Filters.eq("versionKey", id(n) + "#" + versionKeys[n]);
            versionKeys[n]++;
            hazards.updateOne(guard, Updates.combine(Updates.set("versionKey", id(n) + "#" + versionKeys[n]),
                    Updates.set("state", "RECTIFIED")));
        }));
        operations.add(new Operation("consumer upsert {_id,revision<n} (old)", i -> {
            int n = random.nextInt(size);
            revisions[n]++;
            hazards.updateOne(Filters.and(Filters.eq("_id", id(n)), Filters.lt("revision", revisions[n])),
                    Updates.set("revision", revisions[n]), new UpdateOptions().upsert(false));
        }));
        long[] applied = new long[size];
        operations.add(new Operation("consumer apply (kit NewerRevisions)", i -> {
            // what every consumer's copy of another service's object does (NewerRevisions.applyIfNewer): read the
            // stored revision by _id, then write guarded by the unique revisionKey <id>#<stored revision>
            int n = random.nextInt(size);
            Document stored = hazards.find(Filters.eq("_id", id(n)))
                    .projection(new Document("revision", 1).append("revisionKey", 1)).first();
            long next = applied[n] + 1;
            if (stored != null && stored.get("revisionKey") != null) {
                hazards.updateOne(Filters.eq("revisionKey", stored.getString("revisionKey")),
                        Updates.combine(Updates.set("revisionKey", id(n) + "#" + next), Updates.set("state", "CLOSED")));
                applied[n] = next;
            }
        }));
        MongoCollection<Document> members = members(hazards);
        operations.add(new Operation("membership upsert ($addToSet by _id)", i ->
                // what HazardStore.insert writes before each hazard: its id into its establishment's membership
                members.updateOne(Filters.eq("_id", "est-" + random.nextInt(Math.max(1, size / 10))),
                        Updates.addToSet("hazardIds", "hz-new-" + size + "-" + i), new UpdateOptions().upsert(true))));
        operations.add(new Operation("relay pass (hinted: _id read, $pull)", i -> {
            // the relay's pass for a write in this process: the outbox of the hinted document read by _id, then
            // the sent events removed by _id (ADR 11); the sweep below runs only when hints may have missed something
            String id = id(random.nextInt(size));
            hazards.find(Filters.in("_id", List.of(id))).projection(new Document("outbox", 1)).first();
            hazards.updateOne(Filters.eq("_id", id),
                    Updates.pull("outbox", new Document("eventId", new Document("$in", List.of("e-" + i)))));
        }));
        operations.add(new Operation("intake de-dup, either key ($or, old)", i -> {
            List<String> keys = keys(random, size);
            hazards.find(Filters.or(Filters.in("sourceKey", keys), Filters.in("corroborations.sourceKey", keys)))
                    .into(new ArrayList<>());
        }));
        operations.add(new Operation("intake de-dup, unique sourceKey $in", i -> hazards.find(
                Filters.in("sourceKey", keys(random, size))).projection(new Document("sourceKey", 1))
                .into(new ArrayList<>())));
        operations.add(new Operation("relay sweep (pending query)", i -> hazards.find(Filters.exists("outbox.eventId"))
                .limit(100).into(new ArrayList<>())));
        operations.add(new Operation("relay hinted read (_id $in ×10)", i -> {
            List<String> ids = new ArrayList<>();
            for (int k = 0; k < 10; k++) {
                ids.add(id(random.nextInt(size)));
            }
            hazards.find(Filters.in("_id", ids)).into(new ArrayList<>());
        }));
        operations.add(new Operation("count by town (statistics)", i -> hazards.countDocuments(
                Filters.eq("townId", "zjg-town-" + random.nextInt(8)))));
        return operations;
    }
}
