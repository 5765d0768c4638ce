package org.liuhua.manual.checklist;

import java.time.Clock;
import java.util.List;

import org.liuhua.kit.store.AggregateStore;
import org.liuhua.kit.store.CollectionIndexes;
import org.liuhua.kit.web.PageQuery;
import org.liuhua.manual.checklist.domain.ChecklistItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** The hazard-check items (M-6): listed and filtered, looked up by code, published once from the starter set. */
@Service
public class ChecklistItems {

    public static final String COLLECTION = "checklist_items";

    public record Filter(String domain, String industry, String flag, Boolean major) {
    }

    private final AggregateStore<ChecklistItem> store;

    ChecklistItems(MongoTemplate mongo, Clock clock) {
        this.store = new AggregateStore<>(mongo, ChecklistItem.class, COLLECTION, clock);
    }

    public ChecklistItem get(String code) {
        return store.get(code, "checklist item");
    }

    public List<ChecklistItem> byCodes(List<String> codes) {
        return store.find(new Query(Criteria.where("_id").in(codes)));
    }

    /** Items for an industry or any of the flags. */
    public List<ChecklistItem> applicableTo(String industry, List<String> flags) {
        Criteria any = new Criteria().orOperator(Criteria.where("industries").is(industry),
                Criteria.where("flags").in(flags == null ? List.of() : flags));
        return store.find(new Query(any).with(org.springframework.data.domain.Sort.by("_id")));
    }

    public Page<ChecklistItem> list(Filter filter, PageQuery page) {
        Query query = new Query();
        if (filter.domain() != null) {
            query.addCriteria(Criteria.where("domain").is(filter.domain()));
        }
        if (filter.industry() != null) {
            query.addCriteria(Criteria.where("industries").is(filter.industry()));
        }
        if (filter.flag() != null) {
            query.addCriteria(Criteria.where("flags").is(filter.flag()));
        }
        if (filter.major() != null) {
            query.addCriteria(Criteria.where("major").is(filter.major()));
        }
        return store.page(query, page.pageable());
    }

    /** Publishes an item unless its code is there; answers whether it was new. */
    boolean publishIfAbsent(ChecklistItem item) {
        if (store.findById(item.code()).isPresent()) {
            return false;
        }
        try {
            store.insert(item);
            return true;
        } catch (DuplicateKeyException concurrently) {
            return false;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Indexes {

        @Bean
        CollectionIndexes checklistItemIndexes() {
            return CollectionIndexes.of(COLLECTION, CollectionIndexes.on("domain", "_id"),
                    CollectionIndexes.on("industries", "_id"), CollectionIndexes.on("flags", "_id"),
                    CollectionIndexes.on("major", "_id"));
        }
    }
}
