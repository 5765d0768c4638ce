package org.liuhua.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.CountOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A count as the driver sends it (Spring Data's {@code count} and {@code exists}) is answered as a query, which uses
 * the {@code _id} and unique indexes, with the same answers as the aggregation mongo-java-server would run over the
 * whole collection; every other aggregation still runs as one.
 */
class CountByQueryIT {

    @TempDir
    Path dir;

    @Test
    void countsAndExistenceChecksAreAnsweredAsQueriesWithTheAggregationsAnswers() {
        try (ServedStore store = ServedStore.open(dir.resolve("liuhua"), TypedH2Backend.CACHE_MB)) {
            TypedH2Backend backend = store.backend();
            MongoClient client = store.client();
            MongoCollection<Document> hazards = client.getDatabase("c").getCollection("hazards");
            hazards.createIndex(Indexes.ascending("versionKey"), new IndexOptions().unique(true));
            List<Document> written = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                written.add(new Document("_id", "h-" + i).append("versionKey", "h-" + i + "@0")
                        .append("townId", "t-" + (i % 4)).append("severity", i % 10 == 0 ? "MAJOR" : "GENERAL"));
            }
            hazards.insertMany(written);
            long before = backend.countsByQuery();

            List<Bson> filters = List.of(Filters.eq("_id", "h-7"), Filters.eq("_id", "nowhere"),
                    Filters.in("_id", "h-1", "h-2", "h-3", "missing"), Filters.eq("versionKey", "h-9@0"),
                    Filters.and(Filters.eq("_id", "h-10"), Filters.eq("severity", "MAJOR")),
                    Filters.and(Filters.eq("_id", "h-11"), Filters.eq("severity", "MAJOR")),
                    Filters.eq("townId", "t-1"), Filters.and(Filters.eq("townId", "t-2"),
                            Filters.eq("severity", "MAJOR")), new Document());
            List<Long> expected = List.of(1L, 0L, 3L, 1L, 1L, 0L, 30L, 6L, 120L);
            for (int i = 0; i < filters.size(); i++) {
                assertThat(hazards.countDocuments(filters.get(i))).as("count of %s", filters.get(i))
                        .isEqualTo(expected.get(i));
                assertThat(aggregatedCount(hazards, filters.get(i))).as("the aggregation's count of %s",
                        filters.get(i)).isEqualTo(expected.get(i));
            }
            // skip and limit, as exists() (limit 1) and paged counts send them
            assertThat(hazards.countDocuments(Filters.eq("townId", "t-3"), new CountOptions().limit(1))).isEqualTo(1);
            assertThat(hazards.countDocuments(Filters.eq("townId", "t-3"), new CountOptions().skip(25))).isEqualTo(5);
            assertThat(hazards.countDocuments(Filters.eq("townId", "t-3"), new CountOptions().skip(25).limit(2)))
                    .isEqualTo(2);
            assertThat(hazards.countDocuments(Filters.eq("townId", "t-3"), new CountOptions().skip(40))).isZero();
            // a collection that does not exist counts nothing
            assertThat(client.getDatabase("c").getCollection("none").countDocuments(Filters.eq("_id", "x"))).isZero();

            // every countDocuments above went the query's way (9 + 4 + 1), none of the explicit aggregations did
            assertThat(backend.countsByQuery() - before).isEqualTo(14);
        }
    }

    /** The same count as an aggregation that is not the driver's count shape ({@code count} named differently). */
    private static long aggregatedCount(MongoCollection<Document> collection, Bson filter) {
        Document result = collection.aggregate(List.of(Aggregates.match(filter),
                Aggregates.group(1, Accumulators.sum("howMany", 1)))).first();
        return result == null ? 0 : ((Number) result.get("howMany")).longValue();
    }
}
