package org.liuhua.manual;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.liuhua.kit.store.CollectionIndexes;
import org.liuhua.kit.store.IndexCreator;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every query path of manual-service (the filters of each list and lookup, in the order the queries use them) is
 * served by a declared index whose leading fields are that path. Removing an index, or adding a query path without
 * one, fails this test. (The stand-in creates only unique indexes, so the declarations are what is checked here.)
 */
class IndexDeclarationsIT extends ManualIT {

    static final Map<String, List<List<String>>> QUERY_PATHS = Map.of(
            "establishments", List.of(List.of("townId"), List.of("departmentId")),
            "templates", List.of(List.of("code"), List.of("kind"), List.of("departmentId"),
                    List.of("appliesTo.industries"), List.of("appliesTo.flags")),
            "handbooks", List.of(List.of("townId"), List.of("departmentId"), List.of("establishmentId"),
                    List.of("adoptions.templateId"), List.of("reviewDueOn"), List.of("outbox.eventId")),
            "cards", List.of(List.of("establishmentId", "kind"), List.of("clusterId", "kind"),
                    List.of("townId", "kind"), List.of("departmentId", "kind"), List.of("kind")),
            "checklist_items", List.of(List.of("domain"), List.of("industries"), List.of("flags"), List.of("major"),
                    List.of("outbox.eventId")),
            "checklist_runs", List.of(List.of("establishmentId", "startedAt"), List.of("townId", "startedAt"),
                    List.of("departmentId", "startedAt"), List.of("source", "startedAt"),
                    List.of("state", "startedAt"), List.of("startedAt"), List.of("outbox.eventId")),
            "checklist_photos", List.of(List.of("runId")),
            "acknowledgements", List.of(List.of("staffId", "acknowledgedAt"),
                    List.of("establishmentId", "acknowledgedAt"), List.of("cardId", "acknowledgedAt"),
                    List.of("townId", "acknowledgedAt"), List.of("departmentId", "acknowledgedAt"),
                    List.of("outbox.eventId")));

    @Autowired
    IndexCreator indexes;

    @Test
    void everyQueryPathHasAnIndex() {
        List<String> missing = new ArrayList<>();
        QUERY_PATHS.forEach((collection, paths) -> {
            List<List<String>> declared = indexes.declared().stream().filter(c -> c.collection().equals(collection))
                    .flatMap(c -> c.keys().stream()).toList();
            for (List<String> path : paths) {
                boolean served = declared.stream().anyMatch(keys -> keys.size() >= path.size()
                        && keys.subList(0, path.size()).equals(path));
                if (!served) {
                    missing.add(collection + " " + path);
                }
            }
        });
        assertThat(missing).as("query paths without an index").isEmpty();
    }

    @Test
    void theTestNoticesAMissingIndex() {
        List<CollectionIndexes> without = indexes.declared().stream()
                .filter(c -> !c.collection().equals("cards")).toList();
        assertThat(without.stream().anyMatch(c -> c.keys().contains(List.of("establishmentId", "kind")))).isFalse();
    }
}
