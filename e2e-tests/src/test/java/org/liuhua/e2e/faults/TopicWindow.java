package org.liuhua.e2e.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.liuhua.kit.test.TestHttp;
import tools.jackson.databind.JsonNode;

/**
 * What a service published to its topic from a moment on: the end offsets are taken when the window opens, and
 * {@link #read} reads from there to the topic's current end. The test's independent account of what was published,
 * compared with what the service acknowledged and what reporting-service counted.
 */
final class TopicWindow {

    /** One record of the window: the CloudEvent's id and type and its payload. */
    record Published(String id, String type, String key, JsonNode data) {
    }

    private static final CloudEventDeserializer CLOUD_EVENTS = new CloudEventDeserializer();

    private final String bootstrap;
    private final String topic;
    private final Map<TopicPartition, Long> start;

    private TopicWindow(String bootstrap, String topic, Map<TopicPartition, Long> start) {
        this.bootstrap = bootstrap;
        this.topic = topic;
        this.start = start;
    }

    static TopicWindow open(String bootstrap, String topic) {
        try (KafkaConsumer<String, byte[]> consumer = consumer(bootstrap)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            return new TopicWindow(bootstrap, topic, new HashMap<>(consumer.endOffsets(partitions,
                    Duration.ofSeconds(30))));
        }
    }

    /** Every record published since the window opened whose event matches {@code filter}, in partition order. */
    List<Published> read(Predicate<Published> filter) {
        List<Published> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer(bootstrap)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            consumer.assign(partitions);
            for (TopicPartition partition : partitions) {
                consumer.seek(partition, start.getOrDefault(partition, 0L));
            }
            long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > until) {
                    throw new AssertionError("could not read " + topic + " to its end " + end);
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(300))) {
                    if (record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))
                            || record.value() == null) {
                        continue;
                    }
                    CloudEvent event;
                    try {
                        event = CLOUD_EVENTS.deserialize(record.topic(), record.headers(), record.value());
                    } catch (RuntimeException notACloudEvent) {
                        continue;
                    }
                    JsonNode data = event.getData() == null ? TestHttp.JSON.nullNode()
                            : TestHttp.JSON.readTree(event.getData().toBytes());
                    Published published = new Published(event.getId(), event.getType(), record.key(), data);
                    if (filter.test(published)) {
                        out.add(published);
                    }
                }
            }
        }
        return out;
    }

    private static KafkaConsumer<String, byte[]> consumer(String bootstrap) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "fault-matrix-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer());
    }
}
