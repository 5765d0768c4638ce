package org.liuhua.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A query that scans a collection larger than the page cache keeps reading the pages of the version it started on
 * while other clients write and the store commits and frees chunks many times over: it neither fails with "Chunk
 * not found" nor sees a torn collection. (A 300,000-hazard benchmark run hit exactly that failure in hazard-service's
 * escalation scan while reporting-service caught up.)
 */
class ScanUnderWritesIT {

    @TempDir
    Path dir;

    @Test
    void aLongScanSurvivesCommitsAndFreedChunksUnderIt() throws Exception {
        int documents = 20_000;
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> writerFailure = new AtomicReference<>();
        AtomicInteger updates = new AtomicInteger();
        String padding = "隐患描述".repeat(200);
        try (ServedStore store = ServedStore.open(dir.resolve("scan"), 1)) {    // 1 MB cache: scans read from disk
            TypedH2Backend backend = store.backend();
            MongoClient client = store.client();
            MongoCollection<Document> hazards = client.getDatabase("t").getCollection("hazards");
            MongoCollection<Document> counts = client.getDatabase("t").getCollection("counts");
            // the two collections' pages share chunks, so rewriting one frees chunks the other's pages were in
            for (int i = 0; i < documents; i++) {
                hazards.insertOne(new Document("_id", "h-" + i).append("state", "OPEN").append("revision", 0)
                        .append("description", padding));
                counts.insertOne(new Document("_id", "c-" + i).append("revision", 0).append("description", padding));
                if (i % 500 == 0) {
                    backend.getMvStore().commit();
                }
            }
            backend.getMvStore().commit();
            // chunks count as old at once (H2 keeps a chunk 45 s after it was written; the benchmark's were older)
            backend.getMvStore().setRetentionTime(0);
            Thread writer = new Thread(() -> {
                try {
                    while (!stop.get()) {
                        for (int i = 0; i < 50; i++) {
                            counts.updateOne(Filters.eq("_id", "c-" + ThreadLocalRandom.current().nextInt(documents)),
                                    Updates.inc("revision", 1));
                            updates.incrementAndGet();
                        }
                        backend.getMvStore().commit();
                        backend.getMvStore().compact(90, 1 << 20);
                    }
                } catch (Throwable e) {
                    writerFailure.set(e);
                }
            }, "writer");
            writer.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            int scans = 0;
            while (System.nanoTime() < deadline && scans < 40) {
                // a filter no index can answer: every document is read
                assertThat(hazards.countDocuments(Filters.eq("state", "OPEN"))).isEqualTo(documents);
                scans++;
            }
            stop.set(true);
            writer.join(10_000);
            assertThat(writerFailure.get()).isNull();
            assertThat(scans).isGreaterThan(0);
            assertThat(updates.get()).as("writes went on during the scans").isGreaterThan(1_000);
        } finally {
            stop.set(true);
        }
    }

}
