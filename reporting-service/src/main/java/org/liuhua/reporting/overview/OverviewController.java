package org.liuhua.reporting.overview;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.ConditionalOperators;
import org.springframework.data.mongodb.core.aggregation.ComparisonOperators;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** City-wide headline figures and the town ranking for the cockpit, from the event-built read model. */
@RestController
@RequestMapping("/api/v1/stats")
class OverviewController {

    static final String FACTS = "hazard_facts";
    private final MongoTemplate mongo;

    OverviewController(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @GetMapping("/overview")
    @PreAuthorize("hasAnyRole('CITY_ADMIN','COCKPIT_VIEWER','TOWN_OFFICER','DEPARTMENT_OFFICER')")
    Map<String, Object> overview() {
        long total = mongo.count(new Query(), FACTS);
        long closed = mongo.count(new Query(Criteria.where("state").is("CLOSED")), FACTS);
        Map<String, Object> hazards = new LinkedHashMap<>();
        hazards.put("total", total);
        hazards.put("open", total - closed);
        hazards.put("closed", closed);
        hazards.put("closureRate", total == 0 ? 0.0 : Math.round(closed * 10000.0 / total) / 10000.0);
        hazards.put("overdue", mongo.count(new Query(Criteria.where("overdue").is(true)
                .and("state").ne("CLOSED")), FACTS));
        hazards.put("openMajor", mongo.count(new Query(Criteria.where("severity").is("MAJOR")
                .and("state").ne("CLOSED")), FACTS));
        hazards.put("byState", countBy("state"));
        hazards.put("bySource", countBy("source"));
        hazards.put("bySeverity", countBy("severity"));
        return Map.of("hazards", hazards);
    }

    /** Towns ranked by closure rate (then fewer overdue): who is lagging (R-4 starts here). */
    @GetMapping("/towns")
    @PreAuthorize("hasAnyRole('CITY_ADMIN','COCKPIT_VIEWER')")
    List<Map<String, Object>> towns() {
        List<Map<String, Object>> rows = new ArrayList<>();
        mongo.aggregate(Aggregation.newAggregation(
                        Aggregation.group("townId").count().as("total")
                                .sum(ConditionalOperators.when(ComparisonOperators.valueOf("state").equalToValue("CLOSED"))
                                        .then(1).otherwise(0)).as("closed")
                                .sum(ConditionalOperators.when(Criteria.where("overdue").is(true)
                                        .and("state").ne("CLOSED")).then(1).otherwise(0)).as("overdue")
                                .sum(ConditionalOperators.when(Criteria.where("severity").is("MAJOR")
                                        .and("state").ne("CLOSED")).then(1).otherwise(0)).as("openMajor"),
                        Aggregation.sort(Sort.Direction.ASC, "_id")), FACTS, Document.class)
                .forEach(d -> {
                    long total = ((Number) d.get("total")).longValue();
                    long closed = ((Number) d.get("closed")).longValue();
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("townId", d.get("_id"));
                    row.put("total", total);
                    row.put("closed", closed);
                    row.put("closureRate", total == 0 ? 0.0 : Math.round(closed * 10000.0 / total) / 10000.0);
                    row.put("overdue", ((Number) d.get("overdue")).longValue());
                    row.put("openMajor", ((Number) d.get("openMajor")).longValue());
                    rows.add(row);
                });
        rows.sort((a, b) -> {
            int byRate = Double.compare((Double) b.get("closureRate"), (Double) a.get("closureRate"));
            return byRate != 0 ? byRate : Long.compare((Long) a.get("overdue"), (Long) b.get("overdue"));
        });
        for (int i = 0; i < rows.size(); i++) {
            rows.get(i).put("rank", i + 1);
        }
        return rows;
    }

    private Map<String, Long> countBy(String field) {
        Map<String, Long> counts = new LinkedHashMap<>();
        mongo.aggregate(Aggregation.newAggregation(Aggregation.group(field).count().as("n"),
                        Aggregation.sort(Sort.Direction.ASC, "_id")), FACTS, Document.class)
                .forEach(d -> counts.put(String.valueOf(d.get("_id")), ((Number) d.get("n")).longValue()));
        return counts;
    }
}
