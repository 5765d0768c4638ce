package org.liuhua.kit.health;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * MongoDB's health by the {@code ping} command, which a real MongoDB and the embedded stand-in both answer (Spring
 * Boot's own indicator sends {@code hello}, unknown to the stand-in, and so reports DOWN on a working store).
 * Replaces Boot's indicator under the same name ({@code mongo}).
 */
public class MongoPingHealthIndicator extends AbstractHealthIndicator {

    private final MongoTemplate mongo;

    public MongoPingHealthIndicator(MongoTemplate mongo) {
        super("MongoDB health check failed");
        this.mongo = mongo;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Document answer = mongo.executeCommand(new Document("ping", 1));
        Object ok = answer.get("ok");
        if (ok instanceof Number number && number.doubleValue() == 1.0) {
            builder.up().withDetail("database", mongo.getDb().getName());
        } else {
            builder.down().withDetail("answer", String.valueOf(answer));
        }
    }
}
