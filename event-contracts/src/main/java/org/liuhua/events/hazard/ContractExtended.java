package org.liuhua.events.hazard;

import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.liuhua.events.EventType;
import org.liuhua.events.Topics;

/**
 * The city extended a third-party firm's contract (H-7): it now runs until {@code validTo} (later than
 * {@code previousValidTo}). Key: {@code contractId}. Not a hazard's life-cycle event: it carries no hazard snapshot.
 * {@code extendedBy} is the subject of the officer who extended it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@EventType(value = "liuhua.hazard.contract-extended.v1", topic = Topics.HAZARD)
public record ContractExtended(
        String contractId,
        String firmId,
        LocalDate previousValidTo,
        LocalDate validTo,
        String reason,
        String extendedBy,
        Instant extendedAt) {
}
