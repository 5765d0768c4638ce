package org.liuhua.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Updates of a large document with nested fields, from several clients while the store commits again and again,
 * leave the store open and the document whole. (mongo-java-server changed the stored object in place while H2's
 * writer serialised it: a demo load died with "This store is closed" after a ConcurrentModificationException.)
 */
class UpdateUnderCommitsIT {

    @TempDir
    Path dir;

    @Test
    void nestedUpdatesOfOneLargeDocumentDuringCommitsKeepTheStoreOpen() throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Set<String> written = ConcurrentHashMap.newKeySet();
        try (ServedStore store = ServedStore.open(dir.resolve("updates"), 4)) {
            TypedH2Backend backend = store.backend();
            MongoClient client = store.client();
            MongoCollection<Document> months = client.getDatabase("t").getCollection("inspector_months");
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                threads.add(new Thread(() -> {
                    try {
                        while (!stop.get()) {
                            String inspector = "insp-" + ThreadLocalRandom.current().nextInt(400);
                            String at = "inspectors." + inspector;
                            // fields come and go at the top (a field set, another unset): the document's own keys change
                            int field = ThreadLocalRandom.current().nextInt(40);
                            months.updateOne(Filters.eq("_id", "2026-11"), Updates.combine(
                                    Updates.set("month", "2026-11"), Updates.set(at + ".inspectorId", inspector),
                                    Updates.set("flag-" + field, field), Updates.unset("flag-" + (field + 1)),
                                    Updates.addEachToSet(at + ".establishments", List.of(
                                            "est-" + ThreadLocalRandom.current().nextInt(2_000),
                                            "est-" + ThreadLocalRandom.current().nextInt(2_000)))),
                                    new UpdateOptions().upsert(true));
                            written.add(inspector);
                        }
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    }
                }, "updater-" + t));
            }
            threads.add(new Thread(() -> {
                try {
                    while (!stop.get()) {
                        backend.getMvStore().commit();
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }, "committer"));
            threads.forEach(Thread::start);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (System.nanoTime() < deadline && failure.get() == null) {
                Thread.sleep(100);
            }
            stop.set(true);
            for (Thread thread : threads) {
                thread.join(10_000);
            }
            assertThat(failure.get()).as("no update and no commit failed").isNull();
            assertThat(backend.getMvStore().isClosed()).isFalse();
            Document month = months.find(Filters.eq("_id", "2026-11")).first();
            assertThat(month.get("inspectors", Document.class).keySet()).containsExactlyInAnyOrderElementsOf(written);
        }
    }
}
