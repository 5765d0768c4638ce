package org.liuhua.hazard.establishment;

import io.cloudevents.CloudEvent;
import org.liuhua.events.EventTypes;
import org.liuhua.events.Topics;
import org.liuhua.events.grid.EstablishmentChanged;
import org.liuhua.events.grid.EstablishmentRegistered;
import org.liuhua.events.grid.InspectorBound;
import org.liuhua.events.grid.InspectorUnbound;
import org.liuhua.events.grid.PatrolFindingRecorded;
import org.liuhua.hazard.hazard.Hazards;
import org.liuhua.kit.outbox.EventJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes grid-service events: establishment snapshots (highest revision wins), inspector bindings (upsert/delete
 * keyed by inspector and unit) and patrol findings, which become GRID_PATROL hazards exactly once per finding id (the
 * hazard id is derived from the finding id). Every effect is idempotent.
 */
@Component
class GridEventsListener {

    private static final Logger log = LoggerFactory.getLogger(GridEventsListener.class);
    private static final String REGISTERED = EventTypes.typeOf(EstablishmentRegistered.class);
    private static final String CHANGED = EventTypes.typeOf(EstablishmentChanged.class);
    private static final String BOUND = EventTypes.typeOf(InspectorBound.class);
    private static final String UNBOUND = EventTypes.typeOf(InspectorUnbound.class);
    private static final String FINDING = EventTypes.typeOf(PatrolFindingRecorded.class);

    private final Establishments establishments;
    private final Hazards hazards;

    GridEventsListener(Establishments establishments, Hazards hazards) {
        this.establishments = establishments;
        this.hazards = hazards;
    }

    @KafkaListener(topics = Topics.GRID, groupId = "hazard-service")
    void on(CloudEvent event) {
        String type = event.getType();
        if (REGISTERED.equals(type)) {
            EstablishmentRegistered e = EventJson.read(event, EstablishmentRegistered.class);
            establishments.applyIfNewer(new KnownEstablishment(e.establishmentId(), e.name(), e.townId(),
                    e.departmentId(), e.industry(), e.unitId(), e.revision()));
        } else if (CHANGED.equals(type)) {
            EstablishmentChanged e = EventJson.read(event, EstablishmentChanged.class);
            establishments.applyIfNewer(new KnownEstablishment(e.establishmentId(), e.name(), e.townId(),
                    e.departmentId(), e.industry(), e.unitId(), e.revision()));
        } else if (BOUND.equals(type)) {
            InspectorBound e = EventJson.read(event, InspectorBound.class);
            establishments.bind(e.inspectorId(), e.unitId(), e.townId());
        } else if (UNBOUND.equals(type)) {
            InspectorUnbound e = EventJson.read(event, InspectorUnbound.class);
            establishments.unbind(e.inspectorId(), e.unitId());
        } else if (FINDING.equals(type)) {
            hazards.fromPatrol(EventJson.read(event, PatrolFindingRecorded.class));
        } else {
            log.debug("ignoring {}", type);
        }
    }
}
