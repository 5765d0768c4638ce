package org.liuhua.hazard.interview;

import java.time.Clock;

import org.liuhua.hazard.interview.domain.Interview;
import org.liuhua.kit.store.AggregateStore;
import org.liuhua.kit.store.CollectionIndexes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.liuhua.kit.store.CollectionIndexes.on;

/** Warning interviews: the collection (with its outbox, relayed by the kit), its store and its indexes. */
@Configuration(proxyBeanMethods = false)
class InterviewStorage {

    static final String COLLECTION = "interviews";

    @Bean
    AggregateStore<Interview> interviewStore(MongoTemplate mongo, Clock clock) {
        return new AggregateStore<>(mongo, Interview.class, COLLECTION, clock);
    }

    /** The list: everything, a town's, a department's or an establishment's, newest held first. */
    @Bean
    CollectionIndexes interviewIndexes() {
        return CollectionIndexes.of(COLLECTION, on("heldOn", "_id"), on("townId", "heldOn", "_id"),
                on("departmentId", "heldOn", "_id"), on("establishmentId", "heldOn", "_id"));
    }
}
