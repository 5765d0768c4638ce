package org.liuhua.reporting.names;

import org.liuhua.reporting.projection.ProjectionSpace;
import org.liuhua.reporting.projection.Projections;
import org.springframework.stereotype.Component;

/** The generation the context read models are read from: the projection runtime's {@link Projections#active()}. */
@Component
public class ActiveGeneration {

    private final Projections projections;

    ActiveGeneration(Projections projections) {
        this.projections = projections;
    }

    public ProjectionSpace space() {
        return projections.active();
    }
}
