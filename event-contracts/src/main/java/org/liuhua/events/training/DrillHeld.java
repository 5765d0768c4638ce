package org.liuhua.events.training;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.liuhua.events.EventType;
import org.liuhua.events.Topics;

/**
 * An emergency drill was held (T-7). Key: {@code drillId}. {@code tenantsCovered} are the tenant establishments of a
 * landlord (厂中厂) that took part; {@code allTenantsCovered} when they were all of its tenants at the time.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@EventType(value = "liuhua.training.drill-held.v1", topic = Topics.TRAINING)
public record DrillHeld(
        String drillId,
        String establishmentId,
        String townId,
        String type,
        LocalDate heldOn,
        String month,
        int participants,
        List<String> tenantsCovered,
        boolean allTenantsCovered,
        Instant recordedAt) {
}
