package org.liuhua.events.grid;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * An establishment's registry data as {@link EstablishmentRegistered} and {@link EstablishmentChanged} both carry it:
 * the aggregate builds it in one place and each event takes it in its snapshot constructor, so the two events cannot
 * drift apart. The field names are the events' own and the events keep them at the top level (the wire format is
 * flat); a consumer that treats both events alike may read either as this record.
 *
 * @param establishmentId the establishment (the events' key)
 * @param name            registered name
 * @param kind            INDUSTRIAL, KEY_SECTOR, MIXED_USE_BUILDING, SMALL_VENUE or RESIDENTIAL
 * @param industry        industry code, when known
 * @param departmentId    supervising department
 * @param townId          town (from the unit, or given when the establishment is in no unit)
 * @param villageId       village of the unit, null without a unit
 * @param gridId          grid of the unit, null without a unit
 * @param unitId          patrol unit, null when not yet assigned
 * @param riskLevel       MAJOR, SIGNIFICANT, GENERAL or LOW
 * @param flags           hazard flags (DUST_EXPLOSION, METAL_SMELTING, …), sorted
 * @param employeeCount   employees
 * @param address         address
 * @param latitude        latitude of the premises, when known
 * @param longitude       longitude of the premises, when known
 * @param landlordId      the establishment whose premises it rents (厂中厂), if any
 * @param clusterId       industrial cluster named in the registry, if any
 * @param changedAt       when this state was recorded
 * @param revision        1 when registered, one more with every change (consumers keep the highest)
 * @param workshops       workshops/shifts (each needs a safety officer); 0 in events written before it was carried
 * @param tenantIds       the establishments renting its premises (厂中厂), when it is a landlord; sorted
 * @param status          ACTIVE or CLOSED (关闭/注销; kept in the register, no longer patrolled); absent = ACTIVE
 * @param closedAt        when it was closed (start of the closing day), null while active
 * @param posts           the production-line posts (岗位/班组) with their shifts and workers per shift, in the
 *                        registry's order; empty when none are registered (and in events written before they were
 *                        carried)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EstablishmentSnapshot(
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

    /** ACTIVE: in business, due for patrols. */
    public static final String ACTIVE = "ACTIVE";
    /** CLOSED (关闭/注销): kept in the register with its history, no longer due for patrols. */
    public static final String CLOSED = "CLOSED";

    public EstablishmentSnapshot {
        flags = flags == null ? List.of() : List.copyOf(flags);
        tenantIds = tenantIds == null ? List.of() : List.copyOf(tenantIds);
        status = status == null ? ACTIVE : status;
        posts = posts == null ? List.of() : List.copyOf(posts);
    }

    /** A snapshot as written before posts were carried: none. */
    public EstablishmentSnapshot(String establishmentId, String name, String kind, String industry,
                                 String departmentId, String townId, String villageId, String gridId, String unitId,
                                 String riskLevel, List<String> flags, int employeeCount, String address,
                                 Double latitude, Double longitude, String landlordId, String clusterId,
                                 Instant changedAt, long revision, int workshops, List<String> tenantIds,
                                 String status, Instant closedAt) {
        this(establishmentId, name, kind, industry, departmentId, townId, villageId, gridId, unitId, riskLevel,
                flags, employeeCount, address, latitude, longitude, landlordId, clusterId, changedAt, revision,
                workshops, tenantIds, status, closedAt, List.of());
    }

    /** A snapshot as written before workshops, tenants and the status were carried: an active establishment. */
    public EstablishmentSnapshot(String establishmentId, String name, String kind, String industry,
                                 String departmentId, String townId, String villageId, String gridId, String unitId,
                                 String riskLevel, List<String> flags, int employeeCount, String address,
                                 Double latitude, Double longitude, String landlordId, String clusterId,
                                 Instant changedAt, long revision) {
        this(establishmentId, name, kind, industry, departmentId, townId, villageId, gridId, unitId, riskLevel,
                flags, employeeCount, address, latitude, longitude, landlordId, clusterId, changedAt, revision, 0,
                List.of(), ACTIVE, null, List.of());
    }

    /** Whether the establishment is closed (an event without a status is of an active one). */
    public boolean closed() {
        return CLOSED.equals(status);
    }
}
