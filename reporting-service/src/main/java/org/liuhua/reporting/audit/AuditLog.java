package org.liuhua.reporting.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.liuhua.kit.web.PageQuery;
import org.liuhua.reporting.audit.domain.AuditFilter;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The audit read model ({@code audit_records}): insert-once entries keyed by audit id, queried newest first. */
@Component
public class AuditLog {

    public static final String COLLECTION = "audit_records";

    private final MongoTemplate mongo;

    AuditLog(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Stores the entry; false when it was already stored (a redelivered event). */
    public boolean add(AuditEntry entry) {
        try {
            mongo.insert(entry, COLLECTION);
            return true;
        } catch (DuplicateKeyException alreadyApplied) {
            return false;
        }
    }

    /** The entries matching the filter, in the page's order (newest first by default; ties by id). */
    public Page<AuditEntry> find(AuditFilter filter, PageQuery page) {
        List<Criteria> filters = new ArrayList<>();
        if (filter.subject() != null) {
            filters.add(new Criteria().orOperator(Criteria.where("subject").is(filter.subject()),
                    Criteria.where("username").is(filter.subject())));
        }
        if (filter.action() != null) {
            filters.add(Criteria.where("action").regex("^" + Pattern.quote(filter.action())));
        }
        if (filter.targetId() != null) {
            filters.add(Criteria.where("targetId").is(filter.targetId()));
        }
        if (filter.from() != null || filter.to() != null) {
            Criteria time = Criteria.where("occurredAt");
            if (filter.from() != null) {
                time = time.gte(filter.from());
            }
            if (filter.to() != null) {
                time = time.lt(filter.to());
            }
            filters.add(time);
        }
        Query query = filters.isEmpty() ? new Query() : new Query(new Criteria().andOperator(filters));
        long total = mongo.count(query, COLLECTION);
        PageRequest pageable = PageRequest.of(page.page(), page.size(),
                page.sort().and(Sort.by(Sort.Order.desc("_id"))));
        List<AuditEntry> items = mongo.find(Query.of(query).with(pageable), AuditEntry.class, COLLECTION);
        return new PageImpl<>(items, pageable, total);
    }
}
