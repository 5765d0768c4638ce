package org.liuhua.grid;

import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/** One page of a query: the total counted first, then the page's slice. */
public final class Pages {

    private Pages() {
    }

    public static <T> Page<T> page(MongoTemplate mongo, Query query, Pageable pageable, Class<T> type) {
        long total = mongo.count(query, type);
        List<T> items = mongo.find(query.with(pageable), type);
        return new PageImpl<>(items, pageable, total);
    }
}
