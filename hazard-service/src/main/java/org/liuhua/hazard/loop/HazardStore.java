package org.liuhua.hazard.loop;

import java.time.Clock;

import org.liuhua.hazard.loop.domain.Hazard;
import org.liuhua.kit.store.AggregateStore;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The one write path of hazards: {@code insert} a reported hazard, {@code update} or {@code change} (load, apply,
 * write; again on a concurrent write) a known one. Each write sets the hazard's fields and appends only the events it
 * registered, guarded by the version it was loaded with; the relay publishes them from the {@code outbox} array.
 * An insert also makes the hazard a member of its establishment's ledger ({@link EstablishmentHazards}).
 */
@Component
public class HazardStore extends AggregateStore<Hazard> {

    /** The collection of hazards, relayed by the kit ({@code liuhua.outbox.collections}). */
    public static final String COLLECTION = "hazards";
    /** What a 404 calls a hazard. */
    public static final String WHAT = "hazard";

    private final EstablishmentHazards members;

    HazardStore(MongoTemplate mongo, Clock clock, EstablishmentHazards members) {
        super(mongo, Hazard.class, COLLECTION, clock);
        this.members = members;
    }

    /**
     * Also records the hazard as one of its establishment's ({@link EstablishmentHazards}), before the hazard is
     * written: a stored hazard is always in its establishment's ledger.
     */
    @Override
    public Hazard insert(Hazard hazard) {
        members.join(hazard.establishmentId(), hazard.aggregateId());
        return super.insert(hazard);
    }
}
