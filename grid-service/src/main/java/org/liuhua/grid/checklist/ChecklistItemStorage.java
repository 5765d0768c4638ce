package org.liuhua.grid.checklist;

import org.liuhua.kit.store.CollectionIndexes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Where the published checklist items live; they are only read by {@code _id} (the code), so no further index. */
@Configuration(proxyBeanMethods = false)
class ChecklistItemStorage {

    static final String COLLECTION = "checklist_items";

    @Bean
    CollectionIndexes checklistItemIndexes() {
        return CollectionIndexes.of(COLLECTION);
    }
}
