package org.liuhua.events.grid;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.liuhua.events.EventType;
import org.liuhua.events.Topics;

/**
 * An establishment was closed (关闭/注销) from {@code closedAt}: it stays in the register with its history, is no longer
 * due for patrols and no longer counts in coverage, staffing or clusters. The full new snapshot (status CLOSED) follows
 * as {@code establishment-changed} with the same {@code revision}. Key: {@code establishmentId}.
 *
 * @param closedAt  start of the city day it closed
 * @param reason    why (停产关闭, 吊销营业执照, 迁出本市, …)
 * @param clusterId the industrial cluster it left by closing, if it was in one
 * @param changedBy who closed it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@EventType(value = "liuhua.grid.establishment-closed.v1", topic = Topics.GRID)
public record EstablishmentClosed(
        String establishmentId,
        String townId,
        String unitId,
        Instant closedAt,
        String reason,
        String clusterId,
        String changedBy,
        long revision) {
}
