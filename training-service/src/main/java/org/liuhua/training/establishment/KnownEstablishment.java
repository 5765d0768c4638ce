package org.liuhua.training.establishment;

import java.time.Instant;
import java.util.List;

/**
 * The local copy of an establishment kept from grid events (highest revision wins); grid-service owns the original.
 * {@code landlordId} links a tenant to its landlord (出租厂房 / 厂中厂); {@code tenantSince} is when that link was first
 * seen (the tenant moved in).
 */
public record KnownEstablishment(String id, String name, String kind, String industry, String departmentId,
                                 String townId, String unitId, List<String> flags, int employeeCount,
                                 String landlordId, Instant tenantSince, long revision) {

    public KnownEstablishment {
        flags = flags == null ? List.of() : List.copyOf(flags);
    }

    public boolean hasAnyFlag(List<String> candidates) {
        return flags.stream().anyMatch(candidates::contains);
    }
}
