package org.liuhua.reporting.projection;

import io.cloudevents.CloudEvent;
import java.util.List;
import java.util.Set;
import org.liuhua.kit.store.CollectionIndexes;

/**
 * Turns events into read-model documents of one generation. The one way reporting-service builds read models:
 * every projector is a bean, fed in batches by the projection runtime (live, and again from the beginning of the
 * topics during a rebuild).
 *
 * <p>Rules: {@link #apply} is idempotent and order-tolerant — a batch may be redelivered, events of different keys
 * arrive in any order, a late event must not undo a newer one. Use keyed upserts with {@code $set} of values derived
 * from the event, {@code $min}/{@code $max} for milestones, {@code $addToSet} or map keys ({@code $set
 * "byId.<eventId>"}) for counts; never a bare {@code $inc} that a redelivery would double. Write with bulk operations.
 */
public interface Projector {

    /** Stable name, for logs and the rebuild's progress. */
    String name();

    /** The topics whose events it reads (types it does not know are ignored). */
    Set<String> topics();

    /** The base names of the collections it writes, with the indexes its queries need. */
    List<CollectionIndexes> indexes();

    /** Applies a batch of events (in order per Kafka partition) to the collections of {@code space}. */
    void apply(List<CloudEvent> batch, ProjectionSpace space);
}
