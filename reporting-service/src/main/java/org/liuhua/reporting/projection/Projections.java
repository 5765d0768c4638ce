package org.liuhua.reporting.projection;

/** The generation queries read from: the live one, switched by a finished rebuild. */
public interface Projections {

    ProjectionSpace active();
}
