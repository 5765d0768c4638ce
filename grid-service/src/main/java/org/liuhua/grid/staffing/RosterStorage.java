package org.liuhua.grid.staffing;

import java.time.Clock;

import org.liuhua.grid.staffing.domain.StaffRoster;
import org.liuhua.kit.store.AggregateStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Where the named safety staff of towns and departments live: one document per owner, read by {@code _id} only. */
@Configuration(proxyBeanMethods = false)
class RosterStorage {

    static final String COLLECTION = "staff_rosters";

    @Bean
    AggregateStore<StaffRoster> staffRosterStore(MongoTemplate mongo, Clock clock) {
        return new AggregateStore<>(mongo, StaffRoster.class, COLLECTION, clock);
    }
}
