package org.liuhua.kit.store;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketOpenException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;
import org.liuhua.kit.domain.InvalidInputException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.mongodb.UncategorizedMongoDbException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures say the store is away (retried until it is back) and which the event is bad (dead-lettered). */
class StoreOutageTest {

    private static final ServerAddress HOST = new ServerAddress("127.0.0.1", 27017);

    @Test
    void theStoreBeingAwayIsFoundAnywhereInTheCauseChain() {
        assertThat(StoreOutage.isCause(listener(new DataAccessResourceFailureException("Timed out",
                new MongoTimeoutException("no server"))))).isTrue();
        assertThat(StoreOutage.isCause(listener(new UncategorizedMongoDbException("not primary",
                new MongoNotPrimaryException(new BsonDocument(), HOST))))).as("an election").isTrue();
        assertThat(StoreOutage.isCause(listener(new IllegalStateException("wrapped by a handler",
                new MongoSocketOpenException("refused", HOST))))).as("untranslated").isTrue();
        assertThat(StoreOutage.isCause(new QueryTimeoutException("transient"))).isTrue();
        MongoException labelled = new MongoException(91, "shutdown in progress");
        labelled.addLabel("RetryableWriteError");
        assertThat(StoreOutage.isCause(listener(labelled))).isTrue();
    }

    @Test
    void aBadEventOrAHandlerConflictIsNoOutage() {
        assertThat(StoreOutage.isCause(listener(new DuplicateKeyException("E11000")))).isFalse();
        assertThat(StoreOutage.isCause(listener(new OptimisticLockingFailureException("stale")))).isFalse();
        assertThat(StoreOutage.isCause(listener(new InvalidInputException("deadline", "is in the past")))).isFalse();
        assertThat(StoreOutage.isCause(listener(new IllegalArgumentException("unreadable payload")))).isFalse();
        assertThat(StoreOutage.isCause(new MongoExecutionTimeoutException(50, "query exceeded its maxTimeMS")))
                .as("a query too slow for its own limit").isFalse();
        assertThat(StoreOutage.isCause(new MongoCommandException(new BsonDocument(), HOST))).isFalse();
    }

    private static ListenerExecutionFailedException listener(Throwable cause) {
        return new ListenerExecutionFailedException("Listener method threw", cause);
    }
}
