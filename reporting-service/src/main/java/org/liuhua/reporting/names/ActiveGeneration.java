package org.liuhua.reporting.names;

import org.liuhua.reporting.projection.ProjectionSpace;
import org.liuhua.reporting.projection.Projections;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The generation the context read models are read from: the projection runtime's {@link Projections#active()}, or
 * generation 1 while no runtime is present (the context's readers do not depend on the runtime being deployed).
 */
@Component
public class ActiveGeneration {

    static final ProjectionSpace FIRST = new ProjectionSpace(1);

    private final ObjectProvider<Projections> projections;

    ActiveGeneration(ObjectProvider<Projections> projections) {
        this.projections = projections;
    }

    public ProjectionSpace space() {
        Projections runtime = projections.getIfUnique();
        return runtime == null ? FIRST : runtime.active();
    }
}
