package org.liuhua.reporting.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.annotation.PostConstruct;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import org.liuhua.kit.web.PageResponse;

/** The audit read model: insert-once entries keyed by audit id, queried newest first. */
@Component
public class AuditLog {

    static final String COLLECTION = "audit_records";

    private final MongoTemplate mongo;

    AuditLog(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @PostConstruct
    void indexes() {
        var indexes = mongo.indexOps(COLLECTION);
        indexes.createIndex(new Index().on("occurredAt", Sort.Direction.DESC));
        indexes.createIndex(new Index().on("subject", Sort.Direction.ASC).on("occurredAt", Sort.Direction.DESC));
        indexes.createIndex(new Index().on("username", Sort.Direction.ASC).on("occurredAt", Sort.Direction.DESC));
        indexes.createIndex(new Index().on("targetId", Sort.Direction.ASC).on("occurredAt", Sort.Direction.DESC));
    }

    /** Stores the entry; false when it was already stored (a redelivered event). */
    boolean add(AuditEntry entry) {
        try {
            mongo.insert(entry, COLLECTION);
            return true;
        } catch (DuplicateKeyException alreadyApplied) {
            return false;
        }
    }

    /**
     * @param subject  token subject or user name (either matches)
     * @param action   the action, or its beginning (e.g. {@code POST /api/v1/hazards})
     * @param targetId the object acted on
     * @param from     occurred at or after
     * @param to       occurred before
     */
    public PageResponse<AuditEntry> find(String subject, String action, String targetId, Instant from, Instant to,
                                         int page, int size) {
        List<Criteria> filters = new ArrayList<>();
        if (subject != null && !subject.isBlank()) {
            filters.add(new Criteria().orOperator(Criteria.where("subject").is(subject),
                    Criteria.where("username").is(subject)));
        }
        if (action != null && !action.isBlank()) {
            filters.add(Criteria.where("action").regex("^" + Pattern.quote(action)));
        }
        if (targetId != null && !targetId.isBlank()) {
            filters.add(Criteria.where("targetId").is(targetId));
        }
        if (from != null || to != null) {
            Criteria time = Criteria.where("occurredAt");
            if (from != null) {
                time = time.gte(from);
            }
            if (to != null) {
                time = time.lt(to);
            }
            filters.add(time);
        }
        Query query = filters.isEmpty() ? new Query() : new Query(new Criteria().andOperator(filters));
        long total = mongo.count(query, COLLECTION);
        PageRequest pageable = PageRequest.of(page, size,
                Sort.by(Sort.Order.desc("occurredAt"), Sort.Order.desc("_id")));
        List<AuditEntry> items = mongo.find(Query.of(query).with(pageable), AuditEntry.class, COLLECTION);
        return PageResponse.of(new PageImpl<>(items, pageable, total));
    }
}
