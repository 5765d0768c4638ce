package org.liuhua.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Where the events of a topic are: how many the producers (the outbox relay) have appended, and how far a consumer
 * group has committed. Separates relay lag from consumer lag while a scenario waits for its counts.
 */
final class KafkaProgress implements AutoCloseable {

    private final Admin admin;
    private final String topic;
    private final String group;

    KafkaProgress(String bootstrapServers, String topic, String group) {
        this.admin = Admin.create(Map.<String, Object>of("bootstrap.servers", bootstrapServers,
                "request.timeout.ms", 5000, "default.api.timeout.ms", 10000));
        this.topic = topic;
        this.group = group;
    }

    /** Sum of the end offsets of the topic's partitions (records appended so far), -1 when unknown. */
    long appended() {
        try {
            var description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            description.partitions().forEach(p -> latest.put(new TopicPartition(topic, p.partition()),
                    OffsetSpec.latest()));
            long sum = 0;
            for (var offset : admin.listOffsets(latest).all().get().values()) {
                sum += offset.offset();
            }
            return sum;
        } catch (Exception e) {
            return -1;
        }
    }

    /** Sum of the group's committed offsets on the topic (records consumed so far), -1 when unknown. */
    long consumed() {
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            long sum = 0;
            for (var entry : offsets.entrySet()) {
                if (entry.getKey().topic().equals(topic) && entry.getValue() != null) {
                    sum += entry.getValue().offset();
                }
            }
            return sum;
        } catch (Exception e) {
            return -1;
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
