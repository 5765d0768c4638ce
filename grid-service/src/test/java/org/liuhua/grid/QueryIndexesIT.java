package org.liuhua.grid;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.liuhua.kit.outbox.OutboxRelay;
import org.liuhua.kit.store.IndexCreator;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every query path of grid-service ({@link QueryPaths}) is served by an index declared in code, and every declared
 * index serves a query path. The declarations are the ones the kit creates at start-up ({@link IndexCreator}); the
 * embedded stand-in does not build non-unique indexes, so {@code RegionContainersIT} checks them on a real MongoDB.
 */
class QueryIndexesIT extends GridIT {

    @Autowired
    IndexCreator indexes;
    @Autowired
    OutboxRelay relay;

    @Test
    void everyQueryPathHasADeclaredIndex() {
        Map<String, List<List<String>>> declared = QueryPaths.keysOf(indexes.declared());
        assertThat(QueryPaths.unserved(QueryPaths.withOutbox(relay.collections()), declared))
                .as("query paths without an index").isEmpty();
    }

    @Test
    void everyDeclaredIndexServesAQueryPath() {
        Map<String, List<List<String>>> declared = QueryPaths.keysOf(indexes.declared());
        assertThat(QueryPaths.unused(QueryPaths.withOutbox(relay.collections()), declared))
                .as("indexes no listed query path uses").isEmpty();
    }

    @Test
    void theRelayPollsEveryOutboxCollectionOfTheTable() {
        assertThat(relay.collections()).containsAll(QueryPaths.OUTBOX_COLLECTIONS);
    }
}
