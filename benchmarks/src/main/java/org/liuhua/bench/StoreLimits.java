package org.liuhua.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Sorts;
import org.bson.Document;

/**
 * The limits of the store, measured in the same run: the very documents the platform just wrote (copies of the
 * latest hazard aggregates, new {@code _id} and new values in every unique field), written straight into a scratch
 * collection of the same store with the same indexes — with {@code insertMany} in batches of the intake's size, or
 * with {@code insertOne} from as many clients as the API scenario used.
 */
final class StoreLimits {

    private StoreLimits() {
    }

    /** Copies of {@code count} hazard documents of hazard-service's store, each made unique by {@code tag}. */
    static List<Document> copiesOfHazards(Bench bench, int count, String tag) {
        try (MongoClient client = MongoClients.create(bench.platform.mongo().uri("hazard"))) {
            MongoCollection<Document> hazards = client.getDatabase("hazard").getCollection("hazards");
            List<String> unique = uniqueFields(hazards);
            List<Document> found = hazards.find().sort(Sorts.descending("_id")).limit(count).into(new ArrayList<>());
            List<Document> copies = new ArrayList<>(count);
            for (int i = 0; copies.size() < count && !found.isEmpty(); i++) {
                Document copy = new Document(found.get(i % found.size()));
                String suffix = "~" + tag + "-" + i;
                copy.put("_id", copy.get("_id") + suffix);
                for (String field : unique) {
                    Object value = copy.get(field);
                    if (value != null) {
                        copy.put(field, value + suffix);
                    }
                }
                copies.add(copy);
            }
            return copies;
        }
    }

    /** Documents per second: {@code documents} written with insertMany in batches of {@code batchSize}, one client. */
    static double insertMany(Bench bench, List<Document> documents, int batchSize) {
        try (MongoClient client = MongoClients.create(bench.platform.mongo().uri("hazard"))) {
            MongoCollection<Document> scratch = scratch(client, "bench_raw_insert_many");
            long start = System.nanoTime();
            for (int from = 0; from < documents.size(); from += batchSize) {
                scratch.insertMany(documents.subList(from, Math.min(documents.size(), from + batchSize)));
            }
            long took = System.nanoTime() - start;
            scratch.drop();
            return documents.size() / (took / 1e9);
        }
    }

    /** Documents per second: {@code documents} written with insertOne from {@code clients} concurrent clients. */
    static double insertOne(Bench bench, List<Document> documents, int clients, Samples samples) {
        try (MongoClient client = MongoClients.create(bench.platform.mongo().uri("hazard"))) {
            MongoCollection<Document> scratch = scratch(client, "bench_raw_insert_one");
            AtomicInteger written = new AtomicInteger();
            Load.run(clients, documents.size(), Duration.ofSeconds(120), samples, i -> {
                scratch.insertOne(documents.get(i));
                written.incrementAndGet();
                return true;
            });
            scratch.drop();
            return written.get() / samples.wallSeconds();
        }
    }

    /** A fresh collection beside the services' with hazard-service's indexes on its hazards. */
    private static MongoCollection<Document> scratch(MongoClient client, String name) {
        MongoCollection<Document> scratch = client.getDatabase("hazard").getCollection(name);
        scratch.drop();
        for (Document index : client.getDatabase("hazard").getCollection("hazards").listIndexes()) {
            if ("_id_".equals(index.getString("name"))) {
                continue;
            }
            Document keys = (Document) index.get("key");
            scratch.createIndex(keys, new IndexOptions().name(index.getString("name"))
                    .unique(index.getBoolean("unique", false)).sparse(index.getBoolean("sparse", false)));
        }
        return scratch;
    }

    private static List<String> uniqueFields(MongoCollection<Document> collection) {
        List<String> fields = new ArrayList<>();
        for (Document index : collection.listIndexes()) {
            if (index.getBoolean("unique", false) && !"_id_".equals(index.getString("name"))) {
                ((Document) index.get("key")).keySet().stream().filter(k -> !k.contains(".")).forEach(fields::add);
            }
        }
        return fields;
    }
}
