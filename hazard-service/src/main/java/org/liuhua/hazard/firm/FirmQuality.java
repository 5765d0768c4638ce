package org.liuhua.hazard.firm;

import java.util.List;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Per-firm quality record (H-7): findings accepted, rejected as malformed, rejected at review, duplicates, and the
 * median time from finding to push. Counters are atomic {@code $inc} upserts; push delays are one document each,
 * keyed by the finding, so a retried push does not count twice.
 */
@Component
public class FirmQuality {

    static final String COUNTERS = "firm_quality";
    static final String DELAYS = "firm_push_delays";

    private final MongoTemplate mongo;

    FirmQuality(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public void count(String firmId, long accepted, long rejected, long duplicates) {
        mongo.upsert(new Query(Criteria.where("_id").is(firmId)), new Update().inc("accepted", accepted)
                .inc("rejected", rejected).inc("duplicates", duplicates), COUNTERS);
    }

    public void rejectedAtReview(String firmId) {
        mongo.upsert(new Query(Criteria.where("_id").is(firmId)), new Update().inc("rejectedAtReview", 1), COUNTERS);
    }

    public void pushDelays(String firmId, List<Document> delays) {
        if (!delays.isEmpty()) {
            try {
                mongo.insert(delays.stream().map(d -> d.append("firmId", firmId)).toList(), DELAYS);
            } catch (org.springframework.dao.DuplicateKeyException alreadyCounted) {
                // a retried push: the first delays stay
            }
        }
    }

    public Quality of(String firmId) {
        Document c = mongo.findById(firmId, Document.class, COUNTERS);
        List<Long> delays = mongo.find(new Query(Criteria.where("firmId").is(firmId)), Document.class, DELAYS).stream()
                .map(d -> ((Number) d.get("delaySeconds")).longValue()).sorted().toList();
        Long median = delays.isEmpty() ? null : delays.size() % 2 == 1 ? delays.get(delays.size() / 2)
                : (delays.get(delays.size() / 2 - 1) + delays.get(delays.size() / 2)) / 2;
        return new Quality(firmId, number(c, "accepted"), number(c, "rejected"), number(c, "rejectedAtReview"),
                number(c, "duplicates"), median);
    }

    private static long number(Document d, String field) {
        return d == null || d.get(field) == null ? 0 : ((Number) d.get(field)).longValue();
    }

    public record Quality(String firmId, long accepted, long rejectedMalformed, long rejectedAtReview, long duplicates,
                          Long medianPushDelaySeconds) {
    }
}
