package org.liuhua.kit.store;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.liuhua.kit.domain.ConflictException;
import org.liuhua.kit.domain.NotFoundException;
import org.liuhua.kit.outbox.EventJson;
import org.liuhua.kit.outbox.ParcelSent;
import org.liuhua.kit.test.MongoStandIn;
import org.liuhua.kit.web.TraceContext;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one write path of aggregates, against the MongoDB stand-in the services run on in tests. */
class AggregateStoreTest {

    static final String CRATES = "crates";
    static final Instant NOW = Instant.parse("2026-11-30T16:00:00.123456Z");

    final MongoTemplate mongo = new MongoTemplate(MongoClients.create(MongoStandIn.uri("store-test")), "store-test");
    final AggregateStore<Crate> store = new AggregateStore<>(mongo, Crate.class, CRATES,
            Clock.fixed(NOW, ZoneOffset.UTC));

    Crate newCrate() {
        Crate crate = new Crate("crate-" + UUID.randomUUID(), "jinfeng");
        crate.dimensions = new Crate.Dimensions(40, 30);
        crate.packedAt = Instant.parse("2026-11-30T08:00:00Z");
        return crate;
    }

    Document raw(String id) {
        return mongo.findById(id, Document.class, CRATES);
    }

    static List<Document> outbox(Document document) {
        return document.getList(AggregateStore.OUTBOX, Document.class, List.of());
    }

    @Test
    void anAggregateWithoutSpringAnnotationsIsStoredByConventionAndReadBack() {
        Crate crate = newCrate();
        crate.label("fragile");
        store.insert(crate);

        Document stored = raw(crate.id);
        assertThat(stored.get("_id")).as("the field id is the document's _id").isEqualTo(crate.id);
        assertThat(stored).doesNotContainKey("id").doesNotContainKey("registeredEvents");
        assertThat(stored.get("version")).isEqualTo(0L);
        assertThat(stored.get("owner")).isEqualTo("jinfeng");
        assertThat(stored.get("dimensions", Document.class).get("width")).isEqualTo(40);

        Crate read = store.get(crate.id, "crate");
        assertThat(read.id).isEqualTo(crate.id);
        assertThat(read.version()).isZero();
        assertThat(read.dimensions).isEqualTo(new Crate.Dimensions(40, 30));
        assertThat(read.labels).containsExactly("fragile");
        assertThat(read.packedAt).isEqualTo(crate.packedAt);
        assertThat(read.registeredEvents()).isEmpty();
    }

    @Test
    void insertWrapsTheRegisteredPayloadsIntoTheOutboxWithTheTraceOfTheRequest() {
        Crate crate = newCrate();
        crate.ship();
        crate.ship();
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        TraceContext.enter(traceparent);
        try {
            store.insert(crate);
        } finally {
            TraceContext.exit();
        }

        List<Document> outbox = outbox(raw(crate.id));
        assertThat(outbox).hasSize(2);
        Document first = outbox.get(0);
        assertThat(first.getString("eventId")).isNotBlank();
        assertThat(first.getString("type")).isEqualTo("liuhua.kittest.parcel-sent.v1");
        assertThat(first.getString("topic")).isEqualTo("liuhua.kittest");
        assertThat(first.getString("key")).isEqualTo(crate.id);
        assertThat(first.getDate("occurredAt").toInstant()).as("to the millisecond")
                .isEqualTo(Instant.parse("2026-11-30T16:00:00.123Z"));
        assertThat(first.getString("traceparent")).as("the request's trace, with the span of this service")
                .startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-");
        assertThat(first).doesNotContainKey("_class");
        assertThat(EventJson.read(first.getString("payload"), ParcelSent.class)).isEqualTo(new ParcelSent(crate.id, 1));
        assertThat(EventJson.read(outbox.get(1).getString("payload"), ParcelSent.class).sequence()).isEqualTo(2);
        assertThat(crate.registeredEvents()).as("written events are cleared from the aggregate").isEmpty();
        assertThat(crate.version()).isZero();
    }

    @Test
    void aSecondInsertOfTheSameIdFailsOnTheKey() {
        Crate crate = newCrate();
        store.insert(crate);

        assertThatThrownBy(() -> store.insert(new Crate(crate.id, "someone else")))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(raw(crate.id).get("owner")).isEqualTo("jinfeng");
    }

    @Test
    void updateSetsTheFieldsAndPushesOnlyTheNewEventsBehindThePendingOnes() {
        Crate crate = newCrate();
        crate.ship();
        store.insert(crate);
        String pending = outbox(raw(crate.id)).get(0).getString("eventId");

        Crate loaded = store.get(crate.id, "crate");
        loaded.label("heavy");
        loaded.owner = "tangqiao";
        loaded.ship();
        loaded.ship();
        store.update(loaded);

        Document stored = raw(crate.id);
        assertThat(stored.get("version")).isEqualTo(1L);
        assertThat(stored.get("owner")).isEqualTo("tangqiao");
        assertThat(stored.getList("labels", String.class)).containsExactly("heavy");
        assertThat(stored).doesNotContainKey("registeredEvents").doesNotContainKey("id");
        List<Document> outbox = outbox(stored);
        assertThat(outbox).as("$push with $each appends the two new events behind the pending one").hasSize(3);
        assertThat(outbox.get(0).getString("eventId")).isEqualTo(pending);
        assertThat(outbox.stream().map(e -> EventJson.read(e.getString("payload"), ParcelSent.class).sequence()))
                .containsExactly(1, 2, 3);
        assertThat(outbox.stream().map(e -> e.getString("eventId")).distinct()).hasSize(3);
        assertThat(loaded.version()).isEqualTo(1);
        assertThat(loaded.registeredEvents()).isEmpty();
    }

    @Test
    void anUpdateNeverRestoresEventsTheRelayAlreadyRemoved() {
        Crate crate = newCrate();
        crate.ship();
        store.insert(crate);
        Crate loadedBeforeTheRelay = store.get(crate.id, "crate");
        // the relay publishes and removes the pending event, as it does (it does not touch the version)
        String sent = outbox(raw(crate.id)).get(0).getString("eventId");
        mongo.updateFirst(new Query(Criteria.where("_id").is(crate.id)),
                new Update().pull("outbox", new Document("eventId", new Document("$in", List.of(sent)))), CRATES);
        assertThat(outbox(raw(crate.id))).isEmpty();

        loadedBeforeTheRelay.label("late");
        store.update(loadedBeforeTheRelay);

        assertThat(outbox(raw(crate.id))).as("nothing was pending and nothing new was registered").isEmpty();
        assertThat(raw(crate.id).getList("labels", String.class)).containsExactly("late");
    }

    @Test
    void everyWriteKeepsTheUniqueVersionKeyTheNextUpdateIsGuardedBy() {
        mongo.indexOps(CRATES).createIndex(IndexCreator.versionKeyIndex());
        Crate crate = newCrate();
        store.insert(crate);
        assertThat(raw(crate.id).get(AggregateStore.VERSION_KEY)).isEqualTo(crate.id + "#0");
        store.change(crate.id, "crate", c -> {
            c.ship();
            return null;
        });
        assertThat(raw(crate.id).get(AggregateStore.VERSION_KEY)).isEqualTo(crate.id + "#1");
        assertThat(raw(crate.id).get("version")).isEqualTo(1L);
    }

    @Test
    void aDocumentWrittenBeforeTheVersionKeyIsUpdatedOnceByItsVersionAndThenHasOne() {
        Crate crate = newCrate();
        store.insert(crate);
        // as written by an earlier version of the store: no version key
        mongo.updateFirst(new Query(Criteria.where("_id").is(crate.id)),
                new Update().unset(AggregateStore.VERSION_KEY), CRATES);
        Crate first = store.get(crate.id, "crate");
        Crate stale = store.get(crate.id, "crate");
        first.ship();
        store.update(first);
        assertThat(raw(crate.id).get(AggregateStore.VERSION_KEY)).isEqualTo(crate.id + "#1");

        stale.ship();
        assertThatThrownBy(() -> store.update(stale)).isInstanceOf(StaleAggregateException.class);
        assertThat(outbox(raw(crate.id))).hasSize(1);
    }

    @Test
    void aCopyLoadedBeforeAnotherWriteIsRefusedAsStaleAndChangesNothing() {
        Crate crate = newCrate();
        store.insert(crate);
        Crate first = store.get(crate.id, "crate");
        Crate second = store.get(crate.id, "crate");
        first.ship();
        store.update(first);

        second.ship();
        second.owner = "overwriter";
        assertThatThrownBy(() -> store.update(second))
                .isInstanceOf(StaleAggregateException.class)
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining(crate.id).hasMessageContaining("version 0");

        Document stored = raw(crate.id);
        assertThat(stored.get("version")).isEqualTo(1L);
        assertThat(stored.get("owner")).isEqualTo("jinfeng");
        assertThat(outbox(stored)).hasSize(1);
        assertThat(second.registeredEvents()).as("kept, so nothing is silently lost").hasSize(1);
        assertThat(second.version()).isZero();
    }

    @Test
    void aDocumentWrittenBeforeVersionsExistedIsUpdatedAsVersionZero() {
        String id = "legacy-" + UUID.randomUUID();
        mongo.insert(new Document("_id", id).append("owner", "old"), CRATES);

        Crate legacy = store.get(id, "crate");
        legacy.ship();
        store.update(legacy);

        assertThat(raw(id).get("version")).isEqualTo(1L);
        assertThat(outbox(raw(id))).hasSize(1);
    }

    @Test
    void changeRepeatsTheCommandOnAFreshCopyWhenAConcurrentWriteCameFirst() {
        Crate crate = newCrate();
        store.insert(crate);
        AtomicInteger attempts = new AtomicInteger();

        int shipped = store.change(crate.id, "crate", c -> {
            if (attempts.incrementAndGet() == 1) {
                // someone else writes between this command's load and its update
                Crate other = store.get(crate.id, "crate");
                other.ship();
                store.update(other);
            }
            c.ship();
            return c.shipped;
        });

        assertThat(attempts).hasValue(2);
        assertThat(shipped).isEqualTo(2);
        Document stored = raw(crate.id);
        assertThat(stored.get("version")).isEqualTo(2L);
        assertThat(outbox(stored).stream()
                .map(e -> EventJson.read(e.getString("payload"), ParcelSent.class).sequence()))
                .as("both commands' events, once each").containsExactly(1, 2);
    }

    @Test
    void changeGivesUpWithAConflictWhenItNeverWins() {
        Crate crate = newCrate();
        store.insert(crate);
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> store.change(crate.id, "crate", c -> {
            attempts.incrementAndGet();
            // another writer comes first every time: a new version and its key
            mongo.updateFirst(new Query(Criteria.where("_id").is(crate.id)), new Update().inc("version", 1)
                    .set(AggregateStore.VERSION_KEY, crate.id + "#other-" + attempts.get()), CRATES);
            c.ship();
            return null;
        })).isInstanceOf(StaleAggregateException.class);
        assertThat(attempts).hasValue(AggregateStore.CHANGE_ATTEMPTS);
        assertThat(outbox(raw(crate.id))).isEmpty();
    }

    @Test
    void aCommandThatChangesNothingWritesNothing() {
        Crate crate = newCrate();
        store.insert(crate);

        Object result = store.change(crate.id, "crate", c -> AggregateStore.NO_CHANGE);

        assertThat(result).isSameAs(AggregateStore.NO_CHANGE);
        assertThat(raw(crate.id).get("version")).isEqualTo(0L);
    }

    @Test
    void anUnknownIdIsNotFound() {
        assertThatThrownBy(() -> store.get("no-such-crate", "crate"))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("no-such-crate");
        assertThatThrownBy(() -> store.change("no-such-crate", "crate", c -> null))
                .isInstanceOf(NotFoundException.class);
        assertThat(store.findById(null)).isEmpty();
    }

    @Test
    void queriesCountAndPageOverTheCollection() {
        String owner = "owner-" + UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            Crate crate = newCrate();
            crate.owner = owner;
            crate.shipped = i;
            store.insert(crate);
        }
        Query mine = new Query(Criteria.where("owner").is(owner));

        assertThat(store.count(mine)).isEqualTo(5);
        assertThat(store.exists(mine)).isTrue();
        assertThat(store.find(mine)).hasSize(5);
        assertThat(store.findOne(new Query(Criteria.where("owner").is(owner).and("shipped").is(3)))).isPresent();
        var page = store.page(mine, PageRequest.of(1, 2, Sort.by(Sort.Order.desc("shipped"))));
        assertThat(page.getTotalElements()).isEqualTo(5);
        assertThat(page.getTotalPages()).isEqualTo(3);
        assertThat(page.getContent().stream().map(c -> c.shipped)).containsExactly(2, 1);
        assertThat(store.count(Query.of(mine).limit(1))).as("a limit on the query does not cut the count")
                .isEqualTo(5);
        assertThat(Set.of(store.collection())).containsExactly(CRATES);
    }
}
