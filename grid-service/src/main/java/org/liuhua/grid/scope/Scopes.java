package org.liuhua.grid.scope;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.liuhua.kit.security.Caller;
import org.liuhua.kit.security.Roles;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Resolves the caller's scope: the token's claims plus what only grid-service knows (an inspector's units, an
 * enterprise officer's town). Reads the two documents directly so that every feature may depend on the scope.
 */
@Component
public class Scopes {

    private final MongoTemplate mongo;

    Scopes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public CallerScope current() {
        return of(Caller.current());
    }

    @SuppressWarnings("unchecked")
    public CallerScope of(Caller caller) {
        String townId = caller.townId();
        Set<String> units = new HashSet<>();
        if (caller.has(Roles.INSPECTOR) && caller.inspectorId() != null) {
            Document inspector = mongo.findOne(new Query(Criteria.where("_id").is(caller.inspectorId())), Document.class,
                    "inspectors");
            if (inspector != null) {
                if (townId == null) {
                    townId = inspector.getString("townId");
                }
                List<Document> bindings = (List<Document>) inspector.getOrDefault("unitBindings", List.of());
                for (Document binding : bindings) {
                    if (binding.get("until") == null) {
                        units.add(binding.getString("unitId"));
                    }
                }
            }
        }
        if (townId == null && caller.has(Roles.ENTERPRISE_OFFICER) && caller.establishmentId() != null) {
            Document establishment = mongo.findOne(new Query(Criteria.where("_id").is(caller.establishmentId())),
                    Document.class, "establishments");
            if (establishment != null) {
                townId = establishment.getString("townId");
            }
        }
        return new CallerScope(caller, townId, Set.copyOf(units));
    }
}
