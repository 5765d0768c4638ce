package org.liuhua.reporting.projection;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The generation queries read from, kept in the one unversioned collection {@code projection_state}
 * ({@code _id: "active"}); generation 1 when nothing is stored yet.
 */
@Component
class ProjectionState {

    static final String COLLECTION = "projection_state";
    private static final String ACTIVE = "active";

    private final MongoTemplate mongo;

    ProjectionState(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    ProjectionSpace active() {
        Document state = mongo.findById(ACTIVE, Document.class, COLLECTION);
        Object version = state == null ? null : state.get("version");
        return new ProjectionSpace(version instanceof Number n ? n.intValue() : 1);
    }

    void activate(ProjectionSpace space) {
        mongo.upsert(new Query(Criteria.where("_id").is(ACTIVE)),
                new Update().set("version", space.version()).set("switchedAt", new java.util.Date()),
                COLLECTION);
    }
}
