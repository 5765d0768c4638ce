package org.liuhua.kit.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a topic from the beginning, as a consumer of its own group, to assert what a service published. */
public final class TopicProbe implements AutoCloseable {

    private final KafkaConsumer<String, CloudEvent> consumer;
    private final List<ConsumerRecord<String, CloudEvent>> seen = new ArrayList<>();

    public TopicProbe(String bootstrapServers, String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new CloudEventDeserializer());
        consumer.subscribe(List.of(topic));
    }

    /** Polls until {@code count} records matching {@code filter} were seen or the time is up; returns them. */
    public List<ConsumerRecord<String, CloudEvent>> await(Predicate<ConsumerRecord<String, CloudEvent>> filter,
                                                         int count, Duration timeout) {
        long until = System.currentTimeMillis() + timeout.toMillis();
        while (System.currentTimeMillis() < until && seen.stream().filter(filter).count() < count) {
            consumer.poll(Duration.ofMillis(300)).forEach(seen::add);
        }
        return seen.stream().filter(filter).toList();
    }

    /** Every record matching {@code filter} seen within {@code window} (to show that no more than expected came). */
    public List<ConsumerRecord<String, CloudEvent>> drain(Predicate<ConsumerRecord<String, CloudEvent>> filter,
                                                         Duration window) {
        long until = System.currentTimeMillis() + window.toMillis();
        while (System.currentTimeMillis() < until) {
            consumer.poll(Duration.ofMillis(300)).forEach(seen::add);
        }
        return seen.stream().filter(filter).toList();
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
