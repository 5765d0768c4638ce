package org.liuhua.reporting.projection;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/** The offsets a rebuild needs: where the topics begin and end, and how far a consumer group has committed. */
@Component
public class KafkaOffsets {

    private static final long TIMEOUT_SECONDS = 15;

    private final KafkaAdmin kafkaAdmin;

    KafkaOffsets(KafkaAdmin kafkaAdmin) {
        this.kafkaAdmin = kafkaAdmin;
    }

    /** The partitions of the topics that exist (a topic nobody has written yet has none). */
    public List<TopicPartition> partitions(Collection<String> topics) {
        List<TopicPartition> partitions = new ArrayList<>();
        try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
            for (String topic : topics) {
                try {
                    TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                            .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).get(topic);
                    description.partitions().forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                        throw new IllegalStateException("cannot describe " + topic, e.getCause());
                    }
                }
            }
        } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
            throw failed("describe the topics", e);
        }
        return partitions;
    }

    public Map<TopicPartition, Long> ends(List<TopicPartition> partitions) {
        return offsets(partitions, OffsetSpec.latest());
    }

    public Map<TopicPartition, Long> beginnings(List<TopicPartition> partitions) {
        return offsets(partitions, OffsetSpec.earliest());
    }

    private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec) {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        if (partitions.isEmpty()) {
            return offsets;
        }
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(p -> request.put(p, spec));
        try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
            admin.listOffsets(request).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .forEach((p, info) -> offsets.put(p, info.offset()));
        } catch (InterruptedException | ExecutionException | java.util.concurrent.TimeoutException e) {
            throw failed("list offsets", e);
        }
        return offsets;
    }

    /** The next offset the group will read per partition (what it has committed). */
    public Map<TopicPartition, Long> committed(String group) {
        Map<TopicPartition, Long> committed = new HashMap<>();
        try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            offsets.forEach((p, o) -> {
                if (o != null) {
                    committed.put(p, o.offset());
                }
            });
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof GroupIdNotFoundException)) {
                throw failed("read the offsets of " + group, e);
            }
        } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
            throw failed("read the offsets of " + group, e);
        }
        return committed;
    }

    /**
     * Sets a consumer group's committed offsets (a group with no running member), so that it starts there: a rebuild
     * puts its group at the beginning of every partition, whatever an earlier attempt committed. (Committing needs
     * only the Read permission the service has on its groups; deleting a group would need more.)
     */
    public void commit(String group, Map<TopicPartition, Long> positions) {
        if (positions.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        positions.forEach((p, offset) -> offsets.put(p, new OffsetAndMetadata(offset)));
        try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
            admin.alterConsumerGroupOffsets(group, offsets).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | java.util.concurrent.TimeoutException e) {
            throw failed("set the offsets of " + group, e);
        }
    }

    private static IllegalStateException failed(String what, Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        return new IllegalStateException("cannot " + what + ": " + e.getMessage(), e);
    }
}
