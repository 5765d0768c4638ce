package org.liuhua.grid.patrol;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One uploaded batch of GPS points of a patrol (轨迹). The id is {@code patrolId:batchId}, so a re-sent batch is a
 * duplicate key and changes nothing.
 */
@Document(collection = "patrol_tracks")
public record TrackBatch(@Id String key, String patrolId, String batchId, List<TrackPoint> points,
                         Instant receivedAt) {

    public record TrackPoint(double lat, double lon, Instant deviceTime) {
    }
}
