package org.liuhua.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liuhua.platform.MongoStore;
import org.liuhua.platform.Ports;

/**
 * The platform's store keeps documents of every BSON type the services write, orders and enforces unique keys as
 * MongoDB does, keeps everything across a restart, and opens a file written by mongo-java-server's own H2 format
 * (the data folders of earlier versions) with its documents and unique indexes intact.
 */
class TypedStoreIT {

    @TempDir
    Path dir;

    @Test
    void documentsOfEveryTypeAndTheirUniqueKeysSurviveARestart() {
        Path file = dir.resolve("liuhua");
        int port = Ports.freePort();
        Document sample = sample("h-1", 1);
        try (MongoStore store = new MongoStore(port, file); MongoClient client = started(store)) {
            MongoCollection<Document> hazards = client.getDatabase("t").getCollection("hazards");
            hazards.createIndex(Indexes.ascending("versionKey"), new IndexOptions().unique(true));
            hazards.insertOne(sample);
            for (int i = 2; i <= 300; i++) {
                hazards.insertOne(sample("h-" + i, i));
            }
            hazards.updateOne(Filters.eq("versionKey", "h-7@7"), Updates.combine(Updates.set("versionKey", "h-7@8"),
                    Updates.set("state", "TRANSFERRED")));
            assertThatThrownBy(() -> hazards.insertOne(sample("h-1", 1)))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            assertThatThrownBy(() -> hazards.insertOne(sample("h-new", 2).append("versionKey", "h-2@2")))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
        }
        try (MongoStore store = new MongoStore(port, file); MongoClient client = started(store)) {
            MongoCollection<Document> hazards = client.getDatabase("t").getCollection("hazards");
            assertThat(hazards.countDocuments()).isEqualTo(300);
            assertThat(hazards.find(Filters.eq("_id", "h-1")).first()).isEqualTo(sample);
            assertThat(hazards.find(Filters.eq("versionKey", "h-7@8")).first()).extracting(d -> d.get("state"))
                    .isEqualTo("TRANSFERRED");
            assertThat(hazards.find(Filters.eq("versionKey", "h-7@7")).first()).isNull();
            assertThatThrownBy(() -> hazards.insertOne(sample("h-other", 3).append("versionKey", "h-3@3")))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            // _id order is MongoDB's: strings by their characters
            assertThat(hazards.find().sort(Sorts.ascending("_id")).limit(3).map(d -> d.getString("_id")).into(
                    new ArrayList<>())).containsExactly("h-1", "h-10", "h-100");
        }
    }

    @Test
    void aStoreFileOfTheEarlierFormatOpensWithItsDocumentsAndUniqueIndexes() {
        Path file = dir.resolve("earlier");
        int port = Ports.freePort();
        List<Document> written = new ArrayList<>();
        MongoServer earlier = new MongoServer(new H2Backend(file.toAbsolutePath().toString()));
        earlier.bind("127.0.0.1", port);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port + "/?uuidRepresentation=standard")) {
            MongoCollection<Document> hazards = client.getDatabase("t").getCollection("hazards");
            hazards.createIndex(Indexes.ascending("sourceKey"), new IndexOptions().unique(true));
            for (int i = 1; i <= 50; i++) {
                Document d = sample("h-" + i, i).append("sourceKey", "firm|" + i);
                hazards.insertOne(d);
                written.add(d);
            }
            client.getDatabase("t").getCollection("audit").insertOne(new Document("who", "city-admin"));
        } finally {
            earlier.shutdown();
        }
        try (MongoStore store = new MongoStore(port, file); MongoClient client = started(store)) {
            MongoCollection<Document> hazards = client.getDatabase("t").getCollection("hazards");
            assertThat(hazards.find().sort(Sorts.ascending("n")).into(new ArrayList<>())).isEqualTo(written);
            assertThat(hazards.find(Filters.in("sourceKey", "firm|3", "firm|40")).into(new ArrayList<>()))
                    .extracting(d -> d.get("_id")).containsExactlyInAnyOrder("h-3", "h-40");
            assertThatThrownBy(() -> hazards.insertOne(new Document("_id", "h-x").append("sourceKey", "firm|9")))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            assertThatThrownBy(() -> hazards.insertOne(new Document("_id", "h-9")))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            assertThat(client.getDatabase("t").getCollection("audit").countDocuments()).isEqualTo(1);
            hazards.insertOne(new Document("_id", "h-51").append("sourceKey", "firm|51"));
        }
        try (MongoStore store = new MongoStore(port, file); MongoClient client = started(store)) {
            assertThat(client.getDatabase("t").getCollection("hazards").countDocuments()).isEqualTo(51);
        }
    }

    private static Document sample(String id, int n) {
        return new Document("_id", id).append("n", n).append("versionKey", id + "@" + n)
                .append("townId", "zjg-jinfeng").append("description", "消防通道堵塞 " + n)
                .append("reportedAt", java.util.Date.from(Instant.parse("2026-11-02T08:00:00Z").plus(n, ChronoUnit.MINUTES)))
                .append("amount", new Decimal128(new java.math.BigDecimal("1234.50")))
                .append("ratio", 0.25 * n).append("big", 1L << 40).append("open", n % 2 == 0)
                .append("ref", new ObjectId("65a1b2c3d4e5f60718293a4b")).append("uuid", UUID.fromString(
                        "123e4567-e89b-12d3-a456-426614174000"))
                .append("tags", List.of("FIRE_SAFETY", "MAJOR")).append("none", null)
                .append("outbox", List.of(new Document("type", "hazard.reported").append("revision", n)));
    }

    private static MongoClient started(MongoStore store) {
        store.start();
        return MongoClients.create(store.uri("t") + "?uuidRepresentation=standard");
    }

}
