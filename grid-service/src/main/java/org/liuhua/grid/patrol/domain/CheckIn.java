package org.liuhua.grid.patrol.domain;

import java.time.Instant;

/**
 * A check-in at an establishment (proof of visit). {@code proven} when the device position was within the configured
 * distance of the establishment's coordinates; an establishment without coordinates cannot be proven.
 */
public record CheckIn(String checkInId, String establishmentId, double latitude, double longitude,
                      Instant deviceTime, Instant receivedAt, Double distanceMeters, boolean proven) {
}
