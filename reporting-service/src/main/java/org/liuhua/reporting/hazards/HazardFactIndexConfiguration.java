package org.liuhua.reporting.hazards;

import org.liuhua.kit.store.CollectionIndexes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The query paths of {@link HazardFacts} beyond {@code _id}: the headline counts by state, overdue and severity.
 * (Groupings over the whole collection read every document anyway.)
 */
@Configuration(proxyBeanMethods = false)
public class HazardFactIndexConfiguration {

    @Bean
    public CollectionIndexes hazardFactIndexes() {
        return CollectionIndexes.of(HazardFacts.COLLECTION,
                CollectionIndexes.on("state"),
                CollectionIndexes.on("overdue", "state"),
                CollectionIndexes.on("severity", "state"));
    }
}
