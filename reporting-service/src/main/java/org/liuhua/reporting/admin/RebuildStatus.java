package org.liuhua.reporting.admin;

import java.time.Instant;
import java.util.List;

/**
 * Where a rebuild stands: generation {@code from} keeps answering while {@code to} is filled from the beginning of
 * the topics; {@code phase} IDLE (none yet), PREPARING, REPLAYING, SWITCHING, DONE or FAILED.
 *
 * @param partitions per topic partition: how far the new generation has read of what the topic held at the start
 */
public record RebuildStatus(String phase, Integer fromGeneration, Integer toGeneration, int activeGeneration,
                            Instant startedAt, Instant finishedAt, String error, List<PartitionProgress> partitions) {

    public record PartitionProgress(String topic, int partition, long begin, long end, long applied,
                                    double progress) {
    }

    public boolean running() {
        return switch (phase) {
            case "PREPARING", "REPLAYING", "SWITCHING" -> true;
            default -> false;
        };
    }
}
