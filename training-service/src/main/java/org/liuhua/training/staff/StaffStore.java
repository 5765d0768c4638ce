package org.liuhua.training.staff;

import java.time.Clock;

import org.liuhua.kit.store.AggregateStore;
import org.liuhua.kit.store.CollectionIndexes;
import org.liuhua.training.staff.domain.Staff;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Where staff records live ({@code staff}) and the indexes their queries use. */
@Configuration(proxyBeanMethods = false)
class StaffStore {

    static final String COLLECTION = "staff";

    @Bean
    AggregateStore<Staff> staffAggregates(MongoTemplate mongo, Clock clock) {
        return new AggregateStore<>(mongo, Staff.class, COLLECTION, clock);
    }

    /**
     * Lists filter by establishment (or town) and status and sort by name or hire date; violations read ACTIVE staff
     * with missing levels; exams and rates read ACTIVE staff of one establishment by role.
     */
    @Bean
    CollectionIndexes staffIndexes() {
        return CollectionIndexes.of(COLLECTION,
                CollectionIndexes.on("establishmentId", "status", "name"),
                CollectionIndexes.on("establishmentId", "status", "role"),
                CollectionIndexes.on("establishmentId", "status", "hireDate"),
                CollectionIndexes.on("townId", "status", "name"),
                CollectionIndexes.on("status", "missingLevels", "establishmentId"),
                CollectionIndexes.on("status", "role", "establishmentId"));
    }
}
