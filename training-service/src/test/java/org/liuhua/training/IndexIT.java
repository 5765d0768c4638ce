package org.liuhua.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.liuhua.kit.store.CollectionIndexes;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every query path of training-service (the fields a query filters on, then sorts by, in that order) is served by a
 * declared index whose leading keys are the path's leading fields. Removing a declaration fails this test. (The
 * embedded stand-in ignores non-unique indexes, so the declarations are what is checked.)
 */
class IndexIT extends TrainingIT {

    /** collection → query paths. */
    static final Map<String, List<List<String>>> PATHS = Map.ofEntries(
            Map.entry("establishments", List.of(List.of("townId"), List.of("departmentId"), List.of("unitId"),
                    List.of("landlordId"))),
            Map.entry("inspector_bindings", List.of(List.of("inspectorId"))),
            Map.entry("staff", List.of(List.of("establishmentId", "status", "name"),
                    List.of("establishmentId", "status", "role"), List.of("establishmentId", "status", "hireDate"),
                    List.of("townId", "status", "name"), List.of("status", "missingLevels", "establishmentId"),
                    List.of("status", "role", "establishmentId"))),
            Map.entry("certificates", List.of(List.of("status", "expiresOn"), List.of("establishmentId", "expiresOn"),
                    List.of("townId", "expiresOn"), List.of("staffId", "status"))),
            Map.entry("certificate_reminders", List.of(List.of("establishmentId", "remindedAt"),
                    List.of("townId", "remindedAt"))),
            Map.entry("sessions", List.of(List.of("establishmentId", "heldOn"), List.of("townId", "month", "heldOn"),
                    List.of("type", "month"), List.of("type", "quarter"), List.of("month"))),
            Map.entry("questions", List.of(List.of("code", "current"), List.of("current", "retired", "topic"),
                    List.of("current", "retired", "knowledgePoint", "difficulty"))),
            Map.entry("spot_exams", List.of(List.of("establishmentId", "drawnAt"), List.of("townId", "drawnAt"),
                    List.of("inspectionReference"), List.of("papers.staffId"))),
            Map.entry("drills", List.of(List.of("establishmentId", "heldOn"), List.of("townId", "heldOn"),
                    List.of("heldOn"), List.of("tenantsCovered"))),
            Map.entry("courses", List.of(List.of("active", "title"))),
            Map.entry("course_completions", List.of(List.of("staffId"), List.of("month", "establishmentId"),
                    List.of("year", "establishmentId"))));

    @Autowired
    List<CollectionIndexes> declared;

    @Test
    void everyQueryPathIsServedByADeclaredIndex() {
        List<String> unserved = new ArrayList<>();
        PATHS.forEach((collection, paths) -> {
            List<List<String>> keys = declared.stream().filter(d -> d.collection().equals(collection))
                    .flatMap(d -> d.keys().stream()).toList();
            for (List<String> path : paths) {
                boolean served = keys.stream().anyMatch(k -> {
                    int n = Math.min(k.size(), path.size());
                    return k.subList(0, n).equals(path.subList(0, n));
                });
                if (!served) {
                    unserved.add(collection + " " + path);
                }
            }
        });
        assertThat(unserved).as("query paths without an index").isEmpty();
    }
}
