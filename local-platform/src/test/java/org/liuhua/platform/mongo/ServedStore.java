package org.liuhua.platform.mongo;

import java.nio.file.Path;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import org.liuhua.platform.Ports;

/** A {@link TypedH2Backend} served on a free loopback port for one test, with a client; closing stops both. */
record ServedStore(TypedH2Backend backend, MongoServer server, MongoClient client) implements AutoCloseable {

    static ServedStore open(Path file, int cacheMb) {
        TypedH2Backend backend = TypedH2Backend.open(file, cacheMb);
        MongoServer server = new MongoServer(backend);
        int port = Ports.freePort();
        server.bind("127.0.0.1", port);
        return new ServedStore(backend, server, MongoClients.create("mongodb://127.0.0.1:" + port));
    }

    @Override
    public void close() {
        try {
            client.close();
        } finally {
            server.shutdown();
        }
    }
}
