package org.liuhua.hazard.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.liuhua.hazard.known.KnownEstablishment;
import org.liuhua.hazard.loop.domain.Finding;
import org.liuhua.hazard.loop.domain.HazardSource;
import org.liuhua.hazard.loop.domain.Severity;

/**
 * The establishment a finding is placed at: known from grid events (its town, department and industry count), or
 * not known yet (the town the source names).
 */
public record Site(String establishmentId, String townId, String departmentId, String industry, boolean known,
                   String unitId) {

    static Site of(String establishmentId, Optional<KnownEstablishment> known, String givenTownId) {
        return known.map(e -> new Site(establishmentId, e.townId() != null ? e.townId() : givenTownId,
                        e.departmentId(), e.industry(), true, e.unitId()))
                .orElseGet(() -> new Site(establishmentId, givenTownId, null, null, false, null));
    }

    /** Whether the town a source names for the establishment is not the one it is known in. */
    public boolean contradicts(String givenTownId) {
        return known && givenTownId != null && !givenTownId.equals(townId);
    }

    /** The finding at this site; the source key identifies it across deliveries (null when the source has none). */
    public Finding finding(String category, Severity severity, HazardSource source, String sourceRef,
                           String sourceKey, String firmId, String description, LocalDate deadline, Instant foundAt) {
        return finding(category, severity, source, sourceRef, sourceKey, firmId, description, deadline, foundAt, null);
    }

    /** The finding at this site, with the channel it came in by within its source (see {@link Finding}). */
    public Finding finding(String category, Severity severity, HazardSource source, String sourceRef,
                           String sourceKey, String firmId, String description, LocalDate deadline, Instant foundAt,
                           String channel) {
        return new Finding(establishmentId, townId, departmentId, industry, category,
                severity == null ? Severity.GENERAL : severity, source, sourceRef, sourceKey, firmId, description,
                deadline, foundAt, channel);
    }
}
