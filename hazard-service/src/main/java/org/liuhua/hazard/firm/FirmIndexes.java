package org.liuhua.hazard.firm;

import java.time.Clock;

import org.liuhua.hazard.firm.domain.Contract;
import org.liuhua.kit.store.AggregateStore;
import org.liuhua.kit.store.CollectionIndexes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.liuhua.kit.store.CollectionIndexes.on;

/**
 * The contracts' store (with its outbox, relayed by the kit) and the indexes of the firm feature's queries (counters
 * by {@code _id} need none).
 */
@Configuration(proxyBeanMethods = false)
class FirmIndexes {

    @Bean
    AggregateStore<Contract> contractStore(MongoTemplate mongo, Clock clock) {
        return new AggregateStore<>(mongo, Contract.class, Contracts.COLLECTION, clock);
    }

    /** The contract list (all, or one firm's, newest first) and a firm's contracted establishments. */
    @Bean
    CollectionIndexes contractIndexes() {
        return CollectionIndexes.of(Contracts.COLLECTION, on("firmId", "createdAt"), on("createdAt"));
    }

    /** A firm's push delays (the median of its quality record). */
    @Bean
    CollectionIndexes pushDelayIndexes() {
        return CollectionIndexes.of(FirmQuality.DELAYS, on("firmId"));
    }
}
