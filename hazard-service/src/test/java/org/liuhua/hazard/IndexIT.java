package org.liuhua.hazard;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.liuhua.kit.store.CollectionIndexes;
import org.liuhua.kit.store.AggregateStore;
import org.liuhua.kit.store.IndexCreator;
import org.liuhua.kit.store.NewerRevisions;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every query path of hazard-service has an index. {@link #QUERY_PATHS} lists the paths the service's queries take
 * (a collection and the fields a query selects on, in the order an index must lead with them); each must be the
 * leading keys of an index the service declares ({@link CollectionIndexes} beans, plus the outbox index the kit adds,
 * as {@link IndexCreator} creates them at start-up). A new query comes with its row here and its index declaration;
 * removing a declaration fails this test. Look-ups by {@code _id} need no row (MongoDB always has that index): the
 * hazard by id, a known establishment, a binding, a contract, a firm's counters, an intake batch, a public report by
 * its tracking code, a reward by its report's code, the leases.
 *
 * <p>The embedded MongoDB stand-in ignores non-unique indexes, so this test checks the declarations;
 * {@code ReportHazardContainersIT} checks that a real MongoDB holds them.
 */
public class IndexIT extends HazardIT {

    /** A query path: the fields a query selects on, which must lead an index of the collection. */
    public record QueryPath(String collection, List<String> fields, String usedBy) {

        @Override
        public String toString() {
            return collection + " " + fields + " (" + usedBy + ")";
        }
    }

    static QueryPath path(String collection, String usedBy, String... fields) {
        return new QueryPath(collection, List.of(fields), usedBy);
    }

    public static final List<QueryPath> QUERY_PATHS = List.of(
            // hazards: intake
            path("hazards", "intake: a finding's source key seen before", "sourceKey"),
            path("hazards", "intake: a finding's source key seen as a corroboration", "corroborations.sourceKey"),
            path("hazards", "intake: the open hazards of a batch's establishments in the window",
                    "establishmentId", "state", "reportedAt"),
            // hazards: data scope (HazardScope), every list and get
            path("hazards", "scope of a town officer; list filter townId", "townId"),
            path("hazards", "scope of a department officer; list filter departmentId", "departmentId"),
            path("hazards", "scope of a department officer (transferred to it)", "transferredDepartmentId"),
            path("hazards", "scope of an inspector (own reports)", "reporterInspectorId"),
            path("hazards", "scope of an inspector or enterprise; list and ledger filter establishmentId",
                    "establishmentId"),
            path("hazards", "scope of a firm (own findings on contracted establishments)", "firmId",
                    "establishmentId"),
            // hazards: list filters and sorts
            path("hazards", "list filter category", "category"),
            path("hazards", "list filter state; sort state", "state"),
            path("hazards", "list filter source; sort source", "source"),
            path("hazards", "list filter severity; sort severity", "severity"),
            path("hazards", "list filter overdue", "overdue"),
            path("hazards", "list default sort reportedAt; filter from/to", "reportedAt"),
            path("hazards", "list sort deadline", "deadline"),
            path("hazards", "list sort closedAt", "closedAt"),
            // hazards: the major register and escalation
            path("hazards", "major register: open MAJOR hazards", "severity", "state"),
            path("hazards", "escalation: open hazards past the deadline day", "state", "deadline"),
            path("hazards", "escalation: unacknowledged transfers past the acknowledgement deadline", "state",
                    "acknowledgeBy"),
            // hazards: the kit's outbox relay
            path("hazards", "outbox relay: documents with pending events", IndexCreator.OUTBOX_PENDING_PATH),
            path("audit_log", "outbox relay: the kit's audit entries still to publish",
                    IndexCreator.OUTBOX_PENDING_PATH),
            // the kit's version guard of every aggregate update (and, unused there, on the audit log; ADR 11)
            path("hazards", "aggregate update: the version guard", AggregateStore.VERSION_KEY),
            path("interviews", "aggregate update: the version guard", AggregateStore.VERSION_KEY),
            path("audit_log", "declared by the kit on every outbox collection", AggregateStore.VERSION_KEY),
            path("chain_anchors", "declared by the kit on every outbox collection", AggregateStore.VERSION_KEY),
            // known establishments (from grid events)
            path("establishments", "the establishments of an inspector's units", "unitId"),
            path("establishments", "the establishments of a firm's contracted towns", "townId"),
            path("establishments", "a newer copy of an establishment: the revision guard (kit NewerRevisions)",
                    NewerRevisions.REVISION_KEY),
            path("inspector_bindings", "the units an inspector is bound to", "inspectorId"),
            // firms
            path("contracts", "a firm's contracts, newest first; a firm's contracted establishments", "firmId",
                    "createdAt"),
            path("contracts", "every contract, newest first", "createdAt"),
            path("contracts", "aggregate update: the version guard", AggregateStore.VERSION_KEY),
            path("contracts", "outbox relay: contracts with pending events", IndexCreator.OUTBOX_PENDING_PATH),
            path("hazards", "a firm's findings: hazards it reported", "firmId"),
            path("hazards", "a firm's findings: hazards its findings joined", "corroborations.firmId"),
            path("firm_push_delays", "a firm's push delays (median)", "firmId"),
            // public reports and rewards
            path("public_reports", "a town's reports by state, newest first", "townId", "state", "receivedAt"),
            path("public_reports", "a town's reports, newest first", "townId", "receivedAt"),
            path("public_reports", "every town's reports by state, newest first", "state", "receivedAt"),
            path("public_reports", "every town's reports, newest first", "receivedAt"),
            path("rewards", "a town's rewards, newest first", "townId", "createdAt"),
            path("rewards", "every town's rewards, newest first", "createdAt"),
            path("rewards", "aggregate update: the version guard", AggregateStore.VERSION_KEY),
            path("rewards", "outbox relay: rewards with pending events", IndexCreator.OUTBOX_PENDING_PATH),
            // warning interviews: the list in each scope, newest held first; the relay
            path("interviews", "every interview, newest held first", "heldOn"),
            path("interviews", "a town officer's interviews", "townId", "heldOn"),
            path("interviews", "a department officer's interviews", "departmentId", "heldOn"),
            path("interviews", "an establishment's interviews", "establishmentId", "heldOn"),
            path("interviews", "outbox relay: interviews with pending events", IndexCreator.OUTBOX_PENDING_PATH),
            // evidence (GridFS)
            path("evidence.files", "a photo by its evidence id (the file name)", "filename"),
            path("evidence.files", "pending photo sweep: photos on no hazard uploaded before the age",
                    "metadata.hazardId", "uploadDate"),
            path("evidence.files", "pending photo sweep: photos it claimed and has not deleted yet",
                    "metadata.discardedAt"),
            path("pending_photos", "pending photo sweep: documents of discarded photos", "discardedAt"),
            path("pending_photos", "pending photo sweep: documents older than the age", "uploadedAt"),
            path("pending_photos", "outbox relay: announced pending photos with pending events",
                    IndexCreator.OUTBOX_PENDING_PATH),
            path("pending_photos", "declared by the kit on every outbox collection", AggregateStore.VERSION_KEY),
            path("hazards", "inbox: hazards escalated to a level", "escalationLevel"),
            path("hazards", "inbox: transfers escalated to a level", "acknowledgeEscalationLevel"),
            path("hazards", "inbox: hazards kept after a finding of theirs was withdrawn", "findingWithdrawnAt"),
            path("chain_anchors", "the newest chain anchor", "anchoredAt"),
            path("chain_anchors", "outbox relay: anchors with pending events", IndexCreator.OUTBOX_PENDING_PATH),
            path("webhook_deliveries", "a firm's delivery log, newest first", "firmId", "createdAt"),
            path("webhook_outbox", "the due webhook deliveries", "nextAttemptAt"));

    @Autowired
    IndexCreator indexes;

    /** The key lists of every declared index, by collection. */
    public static Map<String, List<List<String>>> keysByCollection(List<CollectionIndexes> declared) {
        return declared.stream().collect(Collectors.groupingBy(CollectionIndexes::collection,
                Collectors.flatMapping(c -> c.keys().stream(), Collectors.toList())));
    }

    /** The query paths no index leads with. */
    public static List<QueryPath> unserved(Map<String, List<List<String>>> keys) {
        return QUERY_PATHS.stream().filter(p -> keys.getOrDefault(p.collection(), List.of()).stream()
                .noneMatch(index -> index.size() >= p.fields().size()
                        && index.subList(0, p.fields().size()).equals(p.fields()))).toList();
    }

    @Test
    void everyQueryPathHasADeclaredIndex() {
        assertThat(unserved(keysByCollection(indexes.declared())))
                .as("query paths without an index; declared: " + keysByCollection(indexes.declared()))
                .isEmpty();
    }

    @Test
    void theHazardsOwnSourceKeyIsUniqueAndOnlyWhereThereIsOne() {
        var sourceKey = indexes.declared().stream().filter(c -> c.collection().equals("hazards"))
                .flatMap(c -> c.indexes().stream())
                .filter(i -> i.getIndexKeys().keySet().equals(java.util.Set.of("sourceKey")))
                .findFirst().orElseThrow().getIndexOptions();
        assertThat(sourceKey.getBoolean("unique", false)).isTrue();
        assertThat(sourceKey.getBoolean("sparse", false)).isTrue();
    }

    @Test
    void noDeclaredIndexIsUnused() {
        Map<String, List<List<String>>> declared = keysByCollection(indexes.declared());
        List<String> unused = declared.entrySet().stream().flatMap(e -> e.getValue().stream()
                .filter(index -> QUERY_PATHS.stream().noneMatch(p -> p.collection().equals(e.getKey())
                        && index.size() >= p.fields().size()
                        && index.subList(0, p.fields().size()).equals(p.fields())))
                .map(index -> e.getKey() + " " + index)).toList();
        assertThat(unused).as("indexes no query path in the table uses: add the path or drop the index")
                .isEmpty();
        assertThat(Arrays.asList("hazards", "public_reports")).allMatch(declared::containsKey);
    }
}
