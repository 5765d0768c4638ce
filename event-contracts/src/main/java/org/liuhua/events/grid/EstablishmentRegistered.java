package org.liuhua.events.grid;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.liuhua.events.EventType;
import org.liuhua.events.Topics;

/**
 * An establishment entered the registry (G-2). Carries the full snapshot so consumers keep a local copy
 * without calling back. Key: {@code establishmentId}. {@code riskLevel} MAJOR/SIGNIFICANT/GENERAL/LOW; {@code kind}
 * INDUSTRIAL/KEY_SECTOR/MIXED_USE_BUILDING/SMALL_VENUE/RESIDENTIAL; {@code flags} e.g. DUST_EXPLOSION,
 * AMMONIA_REFRIGERATION, HAZARDOUS_CHEMICALS, METAL_SMELTING, CONFINED_SPACE.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@EventType(value = "liuhua.grid.establishment-registered.v1", topic = Topics.GRID)
public record EstablishmentRegistered(
        String establishmentId,
        String name,
        String kind,
        String industry,
        String departmentId,
        String townId,
        String villageId,
        String gridId,
        String unitId,
        String riskLevel,
        List<String> flags,
        int employeeCount,
        String address,
        Double latitude,
        Double longitude,
        String landlordId,
        String clusterId,
        Instant changedAt,
        long revision,
        int workshops,
        List<String> tenantIds,
        String status,
        Instant closedAt,
        List<EstablishmentPost> posts) {

    /** The event of an establishment: every field comes from its {@link EstablishmentSnapshot}. */
    public EstablishmentRegistered(EstablishmentSnapshot establishment) {
        this(establishment.establishmentId(), establishment.name(), establishment.kind(), establishment.industry(),
                establishment.departmentId(), establishment.townId(), establishment.villageId(),
                establishment.gridId(), establishment.unitId(), establishment.riskLevel(), establishment.flags(),
                establishment.employeeCount(), establishment.address(), establishment.latitude(),
                establishment.longitude(), establishment.landlordId(), establishment.clusterId(),
                establishment.changedAt(), establishment.revision(), establishment.workshops(),
                establishment.tenantIds(), establishment.status(), establishment.closedAt(), establishment.posts());
    }

    /** The event as written before workshops, tenants and the status were carried: an active establishment. */
    public EstablishmentRegistered(String establishmentId, String name, String kind, String industry, String departmentId,
            String townId, String villageId, String gridId, String unitId, String riskLevel, List<String> flags,
            int employeeCount, String address, Double latitude, Double longitude, String landlordId,
            String clusterId, Instant changedAt, long revision) {
        this(new EstablishmentSnapshot(establishmentId, name, kind, industry, departmentId, townId, villageId,
                gridId, unitId, riskLevel, flags, employeeCount, address, latitude, longitude, landlordId, clusterId,
                changedAt, revision));
    }

    public EstablishmentRegistered {
        tenantIds = tenantIds == null ? List.of() : List.copyOf(tenantIds);
        status = status == null ? EstablishmentSnapshot.ACTIVE : status;
        posts = posts == null ? List.of() : List.copyOf(posts);
    }
}
