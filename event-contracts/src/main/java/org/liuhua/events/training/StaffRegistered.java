package org.liuhua.events.training;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.liuhua.events.EventType;
import org.liuhua.events.Topics;

/**
 * A person entered an establishment's staff registry (T-1). Key: {@code staffId}. No name, ID number or phone
 * travels: personal data stays in training-service. {@code role} PRINCIPAL, SAFETY_MANAGER, SPECIAL_OPERATIONS,
 * FRONT_LINE, DISPATCHED, INTERN.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@EventType(value = "liuhua.training.staff-registered.v1", topic = Topics.TRAINING)
public record StaffRegistered(
        String staffId,
        String establishmentId,
        String townId,
        String role,
        String post,
        String workshop,
        LocalDate hireDate,
        List<String> missingInductionLevels,
        Instant registeredAt) {
}
