package org.liuhua.reporting.projection;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.liuhua.kit.store.CollectionIndexes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexDefinition;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.stereotype.Component;

/**
 * Runs the projectors (ADR 9): at start-up it reads the active generation from {@code projection_state}, creates
 * the indexes of every projector on that generation's collections, reconciles the counters from the facts and
 * starts the generation's batch consumer. A rebuild opens the next generation beside it ({@link #open}) and
 * {@link #promote}s it when it has caught up; queries read {@link #active()} throughout.
 */
@Component
public class ProjectionRuntime implements Projections, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRuntime.class);

    private final List<Projector> projectors;
    private final ProjectionState state;
    private final MongoTemplate mongo;
    private final ConsumerFactory<String, CloudEvent> consumers;
    private final CommonErrorHandler errors;
    private final ProjectionProperties properties;
    private final ApplicationEventPublisher publisher;
    private final Timer lag;

    private volatile ProjectionSpace active;
    private volatile Generation live;
    private volatile boolean running;

    @SuppressWarnings("unchecked")
    ProjectionRuntime(List<Projector> projectors, ProjectionState state, MongoTemplate mongo,
                      ConsumerFactory<?, ?> consumers, CommonErrorHandler errors, ProjectionProperties properties,
                      ApplicationEventPublisher publisher, MeterRegistry meters) {
        this.projectors = List.copyOf(projectors);
        this.state = state;
        this.mongo = mongo;
        this.consumers = (ConsumerFactory<String, CloudEvent>) consumers;
        this.errors = errors;
        this.properties = properties;
        this.publisher = publisher;
        this.lag = Timer.builder("liuhua.reporting.event.lag")
                .description("from an event's time to its application to the live read models")
                .publishPercentileHistogram().register(meters);
    }

    @Override
    public ProjectionSpace active() {
        ProjectionSpace space = active;
        return space != null ? space : state.active();
    }

    /** Every topic some projector reads. */
    public Set<String> topics() {
        Set<String> topics = new TreeSet<>();
        projectors.forEach(p -> topics.addAll(p.topics()));
        return topics;
    }

    /** The projectors' names, for logs and the rebuild's status. */
    public List<String> projectorNames() {
        return projectors.stream().map(Projector::name).toList();
    }

    public String group(ProjectionSpace space) {
        return space.consumerGroup(properties.group());
    }

    @Override
    public synchronized void start() {
        ProjectionSpace space = state.active();
        createIndexes(space);
        if (properties.reconcileAtStart()) {
            reconcile(space);
        }
        active = space;
        live = open(space, true);
        running = true;
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (live != null) {
            live.stop();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Creates (and starts) the consumer of a generation; a live one announces changes and records the lag. */
    public Generation open(ProjectionSpace space, boolean asLive) {
        Generation generation = new Generation(space, properties.group(), projectors, topics(), consumers, errors,
                properties.batchSize(), publisher, lag, asLive);
        generation.start();
        return generation;
    }

    /** Recomputes the counters of the live generation from its facts (between two of its batches). */
    public void reconcileLive() {
        Generation generation = live;
        if (generation == null) {
            reconcile(active());
        } else {
            generation.exclusively(() -> reconcile(generation.space));
        }
    }

    void reconcile(ProjectionSpace space) {
        for (Projector projector : projectors) {
            if (projector instanceof Reconcilable reconcilable) {
                reconcilable.reconcile(space);
            }
        }
    }

    /**
     * Switches the queries to a generation that has caught up: between two of its batches its counters are
     * reconciled (the same code as at start-up), it is stored as active and becomes the live consumer; the old
     * consumer stops. Returns the old generation, whose collections the caller drops.
     */
    public ProjectionSpace promote(Generation next) {
        next.goLive(() -> {
            reconcile(next.space);
            state.activate(next.space);
            active = next.space;
        });
        Generation old = live;
        live = next;
        if (old != null) {
            old.stop();
        }
        log.info("projection: switched to {} (from {})", next.space, old == null ? null : old.space);
        return old == null ? null : old.space;
    }

    /** Creates the declared indexes of every projector on the collections of a generation. */
    public void createIndexes(ProjectionSpace space) {
        for (Projector projector : projectors) {
            for (CollectionIndexes declared : projector.indexes()) {
                for (IndexDefinition index : declared.indexes()) {
                    try {
                        mongo.indexOps(space.collection(declared.collection())).createIndex(index);
                    } catch (RuntimeException e) {
                        log.warn("index {} on {} not created: {}", index.getIndexKeys(),
                                space.collection(declared.collection()), e.toString());
                    }
                }
            }
        }
    }

    /** Drops every collection of a generation (a replaced one, or a half-built one before a new attempt). */
    public void drop(ProjectionSpace space) {
        Set<String> collections = new LinkedHashSet<>();
        projectors.forEach(p -> p.indexes().forEach(c -> collections.add(space.collection(c.collection()))));
        collections.forEach(mongo::dropCollection);
        log.info("projection: dropped the collections of {}: {}", space, collections);
    }

    @Override
    public int getPhase() {
        // after the web server and the other listeners: the indexes and the reconciliation come first
        return Integer.MAX_VALUE - 1000;
    }
}
