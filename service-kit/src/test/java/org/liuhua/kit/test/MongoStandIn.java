package org.liuhua.kit.test;

import java.net.InetSocketAddress;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * The MongoDB wire-compatible stand-in for tests (docs/adr/0003): one in-memory server per test JVM on a free port.
 * It has no multi-document transactions and no $text search, and nothing in Liuhua depends on either.
 */
public final class MongoStandIn {

    private static MongoServer server;
    private static String connection;

    private MongoStandIn() {
    }

    public static synchronized String uri(String database) {
        if (server == null) {
            server = new MongoServer(new MemoryBackend());
            server.bind("127.0.0.1", 0);
            InetSocketAddress address = server.getLocalAddress();
            connection = "mongodb://127.0.0.1:" + address.getPort();
            // no shutdown hook: the server dies with the JVM, after the contexts that still talk to it
        }
        return connection + "/" + database;
    }
}
