package org.liuhua.reporting.admin;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import org.apache.kafka.common.TopicPartition;
import org.liuhua.kit.domain.ConflictException;
import org.liuhua.reporting.admin.RebuildStatus.PartitionProgress;
import org.liuhua.reporting.projection.Generation;
import org.liuhua.reporting.projection.KafkaOffsets;
import org.liuhua.reporting.projection.ProjectionProperties;
import org.liuhua.reporting.projection.ProjectionRuntime;
import org.liuhua.reporting.projection.ProjectionSpace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the read models (ADR 9): generation N+1 is built beside the live N by consuming every projector topic
 * from the beginning in group {@code <group>-v<N+1>}; when it has read up to the end offsets taken at the start it
 * is promoted (reconciled, stored as active, made the live consumer), the old consumer stops and, after a grace
 * period for queries still reading it, the old generation's collections are dropped. Queries answer from N until
 * the switch. One rebuild at a time, in this instance.
 */
@Component
public class Rebuilds {

    private static final Logger log = LoggerFactory.getLogger(Rebuilds.class);
    private static final long POLL_MILLIS = 200;
    private static final long DROP_GRACE_MILLIS = 2000;

    private final ProjectionRuntime runtime;
    private final KafkaOffsets offsets;
    private final ProjectionProperties properties;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "projection-rebuild");
        thread.setDaemon(true);
        return thread;
    });

    private volatile Run current;

    /** One rebuild's mutable progress. */
    private static final class Run {
        volatile String phase = "PREPARING";
        final ProjectionSpace from;
        final ProjectionSpace to;
        final Instant startedAt;
        volatile Instant finishedAt;
        volatile String error;
        volatile Map<TopicPartition, Long> begins = Map.of();
        volatile Map<TopicPartition, Long> ends = Map.of();
        volatile Map<TopicPartition, Long> applied = Map.of();

        Run(ProjectionSpace from, Instant startedAt) {
            this.from = from;
            this.to = from.next();
            this.startedAt = startedAt;
        }
    }

    Rebuilds(ProjectionRuntime runtime, KafkaOffsets offsets, ProjectionProperties properties, Clock clock) {
        this.runtime = runtime;
        this.offsets = offsets;
        this.properties = properties;
        this.clock = clock;
    }

    /** Starts a rebuild; a 409 while one is running. */
    public synchronized RebuildStatus start() {
        Run running = current;
        if (running != null && status(running).running()) {
            throw new ConflictException("a rebuild to generation " + running.to.version() + " is running ("
                    + running.phase + ")", running.phase, List.of());
        }
        Run run = new Run(runtime.active(), clock.instant());
        current = run;
        worker.submit(() -> execute(run));
        return status(run);
    }

    public RebuildStatus status() {
        Run run = current;
        if (run == null) {
            return new RebuildStatus("IDLE", null, null, runtime.active().version(), null, null, null, List.of());
        }
        return status(run);
    }

    private RebuildStatus status(Run run) {
        List<PartitionProgress> partitions = new ArrayList<>();
        run.ends.forEach((partition, end) -> {
            long begin = run.begins.getOrDefault(partition, 0L);
            long applied = Math.min(end, run.applied.getOrDefault(partition, begin));
            double progress = end <= begin ? 1.0 : Math.round((applied - begin) * 1000.0 / (end - begin)) / 1000.0;
            partitions.add(new PartitionProgress(partition.topic(), partition.partition(), begin, end, applied,
                    progress));
        });
        partitions.sort(Comparator.comparing(PartitionProgress::topic).thenComparingInt(PartitionProgress::partition));
        return new RebuildStatus(run.phase, run.from.version(), run.to.version(), runtime.active().version(),
                run.startedAt, run.finishedAt, run.error, partitions);
    }

    private void execute(Run run) {
        Generation next = null;
        try {
            log.info("rebuild: {} → {}", run.from, run.to);
            // a half-built generation of an earlier attempt goes first, and its group starts at the beginning
            runtime.drop(run.to);
            String group = runtime.group(run.to);
            List<TopicPartition> partitions = offsets.partitions(runtime.topics());
            run.begins = offsets.beginnings(partitions);
            run.ends = offsets.ends(partitions);
            offsets.commit(group, run.begins);
            run.applied = run.begins;
            runtime.createIndexes(run.to);
            run.phase = "REPLAYING";
            next = runtime.open(run.to, false);
            Instant deadline = clock.instant().plus(properties.rebuildTimeout());
            while (!caughtUp(run)) {
                if (clock.instant().isAfter(deadline)) {
                    throw new IllegalStateException("not caught up within " + properties.rebuildTimeout());
                }
                Thread.sleep(POLL_MILLIS);
                run.applied = offsets.committed(group);
            }
            run.phase = "SWITCHING";
            ProjectionSpace old = runtime.promote(next);
            next = null;
            Thread.sleep(DROP_GRACE_MILLIS);
            if (old != null) {
                // its consumer group stays behind, idle, until Kafka expires its offsets (offsets.retention)
                runtime.drop(old);
            }
            run.phase = "DONE";
            log.info("rebuild: {} is live", run.to);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(run, next, e);
        } catch (RuntimeException e) {
            fail(run, next, e);
        } finally {
            run.finishedAt = clock.instant();
        }
    }

    private boolean caughtUp(Run run) {
        for (Map.Entry<TopicPartition, Long> end : run.ends.entrySet()) {
            long begin = run.begins.getOrDefault(end.getKey(), 0L);
            if (end.getValue() > begin && run.applied.getOrDefault(end.getKey(), begin) < end.getValue()) {
                return false;
            }
        }
        return true;
    }

    private void fail(Run run, Generation next, Exception e) {
        log.error("rebuild to {} failed; {} keeps answering", run.to, run.from, e);
        run.error = e.getMessage();
        run.phase = "FAILED";
        if (next != null) {
            next.stop();
            runtime.drop(run.to);
        }
    }

    @PreDestroy
    void shutdown() {
        worker.shutdownNow();
    }
}
