package org.liuhua.reporting.projection;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.liuhua.events.Topics;
import org.liuhua.kit.outbox.EventJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;

/**
 * The consumer of one generation: a Kafka batch listener in group {@code <group>-v<N>} over every projector's topics,
 * handing each polled batch to each projector (only the events of its topics). A record that cannot be read or that
 * a projector keeps failing on is reported by its index, so the kit's error handler commits the records before it,
 * retries it and then sends it to {@code <topic>.DLT}. Batches of one generation never run beside its
 * reconciliation ({@link #exclusively}).
 */
public final class Generation {

    private static final Logger log = LoggerFactory.getLogger(Generation.class);
    private static final Map<String, String> KINDS = Map.of(Topics.HAZARD, "hazards", Topics.GRID, "grid",
            Topics.TRAINING, "training", Topics.MANUAL, "manual");

    /** What of an event names its town (every event that belongs to a town carries {@code townId}). */
    record TownOf(String townId) {
    }

    final ProjectionSpace space;

    public ProjectionSpace space() {
        return space;
    }

    private final String group;
    private final List<Projector> projectors;
    private final ApplicationEventPublisher publisher;
    private final Timer lag;
    private final ReentrantLock lock = new ReentrantLock();
    private final ConcurrentMessageListenerContainer<String, CloudEvent> container;
    private volatile boolean live;

    Generation(ProjectionSpace space, String serviceGroup, List<Projector> projectors, Set<String> topics,
               ConsumerFactory<String, CloudEvent> consumers, CommonErrorHandler errors, int batchSize,
               ApplicationEventPublisher publisher, Timer lag, boolean live) {
        this.space = space;
        this.group = space.consumerGroup(serviceGroup);
        this.projectors = List.copyOf(projectors);
        this.publisher = publisher;
        this.lag = lag;
        this.live = live;
        ContainerProperties properties = new ContainerProperties(topics.toArray(String[]::new));
        properties.setGroupId(group);
        properties.setAckMode(ContainerProperties.AckMode.BATCH);
        properties.setMissingTopicsFatal(false);
        Properties consumer = new Properties();
        consumer.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(batchSize));
        consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.setKafkaConsumerProperties(consumer);
        properties.setMessageListener((BatchMessageListener<String, CloudEvent>) this::onBatch);
        this.container = new ConcurrentMessageListenerContainer<>(consumers, properties);
        container.setCommonErrorHandler(errors);
        container.setBeanName("projection-" + group);
        container.setAutoStartup(false);
    }

    public String group() {
        return group;
    }

    boolean isLive() {
        return live;
    }

    void start() {
        container.start();
        log.info("projection {}: consuming as {} ({})", space, group, live ? "live" : "rebuilding");
    }

    public void stop() {
        container.stop();
        log.info("projection {}: stopped {}", space, group);
    }

    /** Runs a task with no batch of this generation being applied meanwhile. */
    void exclusively(Runnable task) {
        lock.lock();
        try {
            task.run();
        } finally {
            lock.unlock();
        }
    }

    /** Makes this generation the live one (publishes changes, records lag), with no batch running meanwhile. */
    void goLive(Runnable switchTask) {
        exclusively(() -> {
            switchTask.run();
            live = true;
        });
    }

    void onBatch(List<ConsumerRecord<String, CloudEvent>> records) {
        exclusively(() -> apply(records));
    }

    private void apply(List<ConsumerRecord<String, CloudEvent>> records) {
        int readable = records.size();
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i).value() == null) {
                readable = i;
                break;
            }
        }
        List<ConsumerRecord<String, CloudEvent>> batch = records.subList(0, readable);
        for (Projector projector : projectors) {
            List<Integer> indexes = new ArrayList<>();
            List<CloudEvent> events = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                if (projector.topics().contains(batch.get(i).topic())) {
                    indexes.add(i);
                    events.add(batch.get(i).value());
                }
            }
            if (events.isEmpty()) {
                continue;
            }
            try {
                projector.apply(events, space);
            } catch (RuntimeException failed) {
                // find the record it fails on: one by one (applying is idempotent, so the ones before are harmless)
                for (int j = 0; j < events.size(); j++) {
                    try {
                        projector.apply(List.of(events.get(j)), space);
                    } catch (RuntimeException e) {
                        throw new BatchListenerFailedException(projector.name() + " cannot apply "
                                + events.get(j).getType() + " " + events.get(j).getId(), e, indexes.get(j));
                    }
                }
                throw failed;
            }
        }
        if (live && !batch.isEmpty()) {
            announce(batch);
        }
        if (readable < records.size()) {
            throw new BatchListenerFailedException("unreadable record (not a CloudEvent)", readable);
        }
    }

    private void announce(List<ConsumerRecord<String, CloudEvent>> batch) {
        Set<String> kinds = new HashSet<>();
        Set<String> towns = new HashSet<>();
        Instant now = Instant.now();
        for (ConsumerRecord<String, CloudEvent> record : batch) {
            String kind = KINDS.get(record.topic());
            if (kind != null) {
                kinds.add(kind);
            }
            CloudEvent event = record.value();
            if (event.getTime() != null) {
                Duration late = Duration.between(event.getTime().toInstant(), now);
                lag.record(late.isNegative() ? Duration.ZERO : late);
            }
            try {
                TownOf town = event.getData() == null ? null : EventJson.read(event, TownOf.class);
                if (town != null && town.townId() != null) {
                    towns.add(town.townId());
                }
            } catch (RuntimeException ignored) {
                // an event without a readable town announces its kind only
            }
        }
        if (!kinds.isEmpty()) {
            publisher.publishEvent(new ProjectionsChanged(Set.copyOf(kinds), Set.copyOf(towns)));
        }
    }
}
