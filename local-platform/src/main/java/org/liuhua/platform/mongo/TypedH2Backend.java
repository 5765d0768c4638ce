package org.liuhua.platform.mongo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * mongo-java-server's H2 file backend with {@link StoreTypes} for its documents and index keys and a page cache sized
 * for the platform (docs/adr/0015). A store file written before (every map with H2's default object type) is
 * converted once when it is opened: the documents are copied into maps of the new types, the index maps are dropped
 * and rebuilt from the documents by mongo-java-server as each index is opened.
 */
public final class TypedH2Backend extends H2Backend {

    private static final Logger log = LoggerFactory.getLogger(TypedH2Backend.class);

    /** Marks a store file written with {@link StoreTypes}. */
    static final String FORMAT_MAP = "liuhua.store-format";
    static final int FORMAT = 2;
    /** MVStore's page cache in MB (H2's default is 16): the demo city's working set fits. */
    static final int CACHE_MB = 96;

    /** Where the store's time goes ({@link CommandStats}), or null when not asked for. */
    private final CommandStats stats;

    private TypedH2Backend(MVStore store) {
        super(store);
        long seconds = Long.getLong("liuhua.store.commandStats", 0);
        this.stats = seconds > 0 ? new CommandStats() : null;
        if (stats != null) {
            Thread reporter = new Thread(() -> {
                try {
                    while (true) {
                        Thread.sleep(seconds * 1000);
                        stats.top().forEach(line -> log.info("store: {}", line));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "store-command-stats");
            reporter.setDaemon(true);
            reporter.start();
        }
    }

    public static TypedH2Backend open(Path file) {
        return open(file, CACHE_MB);
    }

    static TypedH2Backend open(Path file, int cacheMb) {
        MVStore store = new MVStore.Builder().fileName(file.toAbsolutePath().toString()).cacheSize(cacheMb).open();
        try {
            upgrade(store);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        return new TypedH2Backend(store);
    }

    /**
     * Every command reads the pages of the store version it started on until it ends: without this, a scan that runs
     * while other clients write and commit could reach a chunk the store has meanwhile freed ("Chunk … not found";
     * H2 keeps only a few versions and 45 s unless a reader registers its version, as its own transactions do).
     */
    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        if (stats == null) {
            return holdingTheVersion(() -> super.handleCommand(channel, databaseName, command, query));
        }
        long begin = System.nanoTime();
        try {
            return holdingTheVersion(() -> super.handleCommand(channel, databaseName, command, query));
        } finally {
            stats.record(databaseName, command, query, System.nanoTime() - begin);
        }
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        return holdingTheVersion(() -> super.handleQuery(query));
    }

    private <T> T holdingTheVersion(Supplier<T> command) {
        MVStore.TxCounter reading = getMvStore().registerVersionUsage();
        try {
            return command.get();
        } finally {
            getMvStore().deregisterVersionUsage(reading);
        }
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return TypedH2Database.open(databaseName, getMvStore(), getCursorRegistry());
    }

    /** How many counts were answered as queries ({@link TypedH2Database#handleCommand}), for the tests. */
    long countsByQuery() {
        return listDatabaseNames().stream()
                .mapToLong(name -> ((TypedH2Database) resolveDatabase(name)).countsByQuery.sum()).sum();
    }

    /** Converts a store file of mongo-java-server's own format (no format mark, some maps) to {@link StoreTypes}. */
    static void upgrade(MVStore store) {
        MVMap<String, Integer> format = store.openMap(FORMAT_MAP);
        if (Integer.valueOf(FORMAT).equals(format.get("format"))) {
            return;
        }
        List<String> names = new ArrayList<>(store.getMapNames());
        int documents = 0;
        for (String name : names) {
            if (name.contains(TypedH2Database.INDEX_INFIX)) {
                store.removeMap(name);       // rebuilt from the documents when the index is opened
            } else if (name.startsWith(TypedH2Database.DATA_PREFIX)) {
                MVMap<Object, Document> old = store.openMap(name);
                MVMap<Object, Document> copy = store.openMap("liuhua.converting." + name, TypedH2Database.dataMap());
                copy.clear();
                copy.putAll(old);
                documents += copy.size();
                store.removeMap(old);
                store.renameMap(copy, name);
            }
        }
        format.put("format", FORMAT);
        store.commit();
        if (documents > 0) {
            log.info("converted the store file to format {} ({} documents; indexes are rebuilt as they open)", FORMAT,
                    documents);
        }
    }
}
