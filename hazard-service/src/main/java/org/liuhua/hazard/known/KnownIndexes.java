package org.liuhua.hazard.known;

import org.liuhua.kit.readmodel.InspectorBindings;
import org.liuhua.kit.store.CollectionIndexes;
import org.liuhua.kit.store.NewerRevisions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.liuhua.kit.store.CollectionIndexes.on;

/** The indexes of the known-establishments read model's queries (lookups and upserts by {@code _id} need none). */
@Configuration(proxyBeanMethods = false)
class KnownIndexes {

    /**
     * {@link KnownEstablishments#ofInspector}: the establishments of an inspector's units; {@link
     * KnownEstablishments#covered}: those of a firm's contracted towns and units.
     */
    @Bean
    CollectionIndexes knownEstablishmentIndexes() {
        return CollectionIndexes.of(KnownEstablishments.ESTABLISHMENTS, on("unitId"), on("townId"),
                NewerRevisions.index());
    }

    /** {@link KnownEstablishments#ofInspector}: the units an inspector is bound to. */
    @Bean
    CollectionIndexes inspectorBindingIndexes() {
        return InspectorBindings.indexes();
    }
}
