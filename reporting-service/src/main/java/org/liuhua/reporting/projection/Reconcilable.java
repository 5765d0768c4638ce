package org.liuhua.reporting.projection;

/**
 * A projector whose pre-shaped counters can be recomputed from its own facts (ADR 9): the runtime calls it at
 * start-up before consuming, on demand, and when a rebuilt generation switches, never while a batch of the same
 * generation is being applied.
 */
public interface Reconcilable {

    void reconcile(ProjectionSpace space);
}
