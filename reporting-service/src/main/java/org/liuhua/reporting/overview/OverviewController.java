package org.liuhua.reporting.overview;

import java.util.LinkedHashMap;
import java.util.Map;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** City-wide headline figures for the cockpit. */
@RestController
@RequestMapping("/api/v1/stats")
class OverviewController {

    private final MongoTemplate mongo;

    OverviewController(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @GetMapping("/overview")
    @PreAuthorize("hasAnyRole('CITY_ADMIN','COCKPIT_VIEWER','TOWN_OFFICER','DEPARTMENT_OFFICER')")
    Map<String, Object> overview() {
        Map<String, Object> hazards = new LinkedHashMap<>();
        hazards.put("total", mongo.count(new Query(), "hazard_facts"));
        hazards.put("byState", countBy("state"));
        hazards.put("bySource", countBy("source"));
        hazards.put("bySeverity", countBy("severity"));
        return Map.of("hazards", hazards);
    }

    private Map<String, Long> countBy(String field) {
        Map<String, Long> counts = new LinkedHashMap<>();
        mongo.aggregate(Aggregation.newAggregation(Aggregation.group(field).count().as("n"),
                        Aggregation.sort(org.springframework.data.domain.Sort.Direction.ASC, "_id")),
                "hazard_facts", Document.class)
                .forEach(d -> counts.put(String.valueOf(d.get("_id")), ((Number) d.get("n")).longValue()));
        return counts;
    }
}
