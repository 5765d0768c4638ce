package org.liuhua.grid.patrol;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;

/**
 * One uploaded batch of GPS points of a patrol (轨迹), a plain document of {@code patrol_tracks} beside the patrol (a
 * track can be long, and no rule of the patrol depends on it). The id is {@code patrolId:batchId}, so a re-sent batch
 * is a duplicate key and changes nothing.
 */
public record TrackBatch(@Id String key, String patrolId, String batchId, List<TrackPoint> points,
                         Instant receivedAt) {

    public record TrackPoint(double lat, double lon, Instant deviceTime) {
    }
}
