package org.liuhua.hazard.firm;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A third-party firm's contract to inspect establishments during a validity period (H-7); managed by the city. */
@Document(collection = Contracts.COLLECTION)
public record Contract(@Id String contractId, String firmId, List<String> establishmentIds, LocalDate validFrom,
                       LocalDate validTo, String createdBy, Instant createdAt, Instant terminatedAt) {

    public boolean validOn(LocalDate day) {
        return terminatedAt == null && !day.isBefore(validFrom) && !day.isAfter(validTo);
    }
}
