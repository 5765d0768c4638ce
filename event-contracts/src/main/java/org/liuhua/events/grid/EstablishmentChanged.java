package org.liuhua.events.grid;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.liuhua.events.EventType;
import org.liuhua.events.Topics;

/**
 * An establishment's data changed (risk level, unit, department, flags, …): the full new snapshot.
 * Key: {@code establishmentId}. Consumers keep the snapshot with the highest {@code revision}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@EventType(value = "liuhua.grid.establishment-changed.v1", topic = Topics.GRID)
public record EstablishmentChanged(
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

    /** The event of an establishment's new state: every field comes from its {@link EstablishmentSnapshot}. */
    public EstablishmentChanged(EstablishmentSnapshot establishment) {
        this(establishment.establishmentId(), establishment.name(), establishment.kind(), establishment.industry(),
                establishment.departmentId(), establishment.townId(), establishment.villageId(),
                establishment.gridId(), establishment.unitId(), establishment.riskLevel(), establishment.flags(),
                establishment.employeeCount(), establishment.address(), establishment.latitude(),
                establishment.longitude(), establishment.landlordId(), establishment.clusterId(),
                establishment.changedAt(), establishment.revision(), establishment.workshops(),
                establishment.tenantIds(), establishment.status(), establishment.closedAt(), establishment.posts());
    }

    /** The event as written before workshops, tenants and the status were carried: an active establishment. */
    public EstablishmentChanged(String establishmentId, String name, String kind, String industry, String departmentId,
            String townId, String villageId, String gridId, String unitId, String riskLevel, List<String> flags,
            int employeeCount, String address, Double latitude, Double longitude, String landlordId,
            String clusterId, Instant changedAt, long revision) {
        this(new EstablishmentSnapshot(establishmentId, name, kind, industry, departmentId, townId, villageId,
                gridId, unitId, riskLevel, flags, employeeCount, address, latitude, longitude, landlordId, clusterId,
                changedAt, revision));
    }

    /** The event as written before posts were carried: an establishment without posts. */
    public EstablishmentChanged(String establishmentId, String name, String kind, String industry, String departmentId,
            String townId, String villageId, String gridId, String unitId, String riskLevel, List<String> flags,
            int employeeCount, String address, Double latitude, Double longitude, String landlordId,
            String clusterId, Instant changedAt, long revision, int workshops, List<String> tenantIds,
            String status, Instant closedAt) {
        this(establishmentId, name, kind, industry, departmentId, townId, villageId, gridId, unitId, riskLevel, flags,
                employeeCount, address, latitude, longitude, landlordId, clusterId, changedAt, revision, workshops,
                tenantIds, status, closedAt, List.of());
    }

    public EstablishmentChanged {
        tenantIds = tenantIds == null ? List.of() : List.copyOf(tenantIds);
        status = status == null ? EstablishmentSnapshot.ACTIVE : status;
        posts = posts == null ? List.of() : List.copyOf(posts);
    }
}
