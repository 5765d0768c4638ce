package org.liuhua.hazard.loop;

import org.liuhua.kit.store.CollectionIndexes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;

import static org.liuhua.kit.store.CollectionIndexes.on;

/**
 * Every query path on {@code hazards} has an index (the kit creates them at start-up; the index test holds the query
 * paths of the service against this list). A list filter leads an index that continues with the default sort
 * ({@code reportedAt}); every sortable field leads one; the scope's criteria lead one each.
 */
@Configuration(proxyBeanMethods = false)
class LoopIndexes {

    @Bean
    CollectionIndexes hazardIndexes() {
        return CollectionIndexes.of(HazardStore.COLLECTION,
                // intake: a finding seen before (the hazard's own key, unique: its id derives from it) ...
                new Index().on("sourceKey", Sort.Direction.ASC).unique().sparse().named("sourceKey_unique"),
                // ... or as a corroboration of another hazard
                new Index().on("corroborations.sourceKey", Sort.Direction.ASC).sparse()
                        .named("corroborations_sourceKey"),
                // intake: the open hazards of the establishments of a batch within the corroboration window;
                // the list and the ledger filtered by establishment; the scope of an enterprise or an inspector
                on("establishmentId", "state", "reportedAt"),
                // scope: a town, a department (owning or transferred to), an inspector's own reports, a firm
                on("townId", "reportedAt"),
                on("departmentId", "reportedAt"),
                on("transferredDepartmentId", "reportedAt"),
                on("reporterInspectorId", "reportedAt"),
                on("firmId", "establishmentId"),
                // a firm's findings: hazards its findings joined (those it reported: firmId above)
                new Index().on("corroborations.firmId", Sort.Direction.ASC).sparse().named("corroborations_firmId"),
                // list filters (each with the default sort)
                on("category", "reportedAt"),
                on("source", "reportedAt"),
                on("overdue", "reportedAt"),
                // the major register (severity MAJOR, not CLOSED, oldest first); the severity filter and sort
                on("severity", "state", "reportedAt"),
                // escalation: open states past the deadline day or the acknowledgement deadline; the state filter
                on("state", "deadline"),
                on("state", "acknowledgeBy"),
                // sorts and the reportedAt range (from/to)
                on("reportedAt"),
                on("deadline"),
                on("closedAt"),
                // the inbox: escalated hazards
                on("escalationLevel", "reportedAt"), on("acknowledgeEscalationLevel", "reportedAt"),
                // the inbox: open hazards kept after a finding of theirs was withdrawn
                on("findingWithdrawnAt", "reportedAt"));
    }
}
