package org.liuhua.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;
import org.liuhua.platform.mongo.TypedH2Backend;

/**
 * The MongoDB wire-compatible stand-in (mongo-java-server with its H2 file backend, its documents and index keys
 * stored and ordered by {@link TypedH2Backend}): real MongoDB drivers talk to it unchanged, and its data is kept in one
 * file across restarts. It has no multi-document transactions and no
 * $text search (docs/adr/0003); production uses a MongoDB replica set through the same URI setting. It can be stopped
 * and started again on the same port and file (the end-to-end tests take it away for a while during writes): the
 * services' drivers reconnect by themselves.
 */
public final class MongoStore implements AutoCloseable {

    private final int port;
    private final Path file;
    private MongoServer server;

    public MongoStore(int port, Path file) {
        this.port = port;
        this.file = file;
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new IllegalStateException("cannot create " + file.getParent(), e);
        }
        server = new MongoServer(TypedH2Backend.open(file));
        server.bind("127.0.0.1", port);
    }

    public String uri(String database) {
        return "mongodb://127.0.0.1:" + port + "/" + database;
    }

    public synchronized void stop() {
        if (server != null) {
            server.shutdown();
            server = null;
        }
    }

    public synchronized boolean running() {
        return server != null;
    }

    @Override
    public void close() {
        stop();
    }
}
