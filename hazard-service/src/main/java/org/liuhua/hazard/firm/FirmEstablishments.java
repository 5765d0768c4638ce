package org.liuhua.hazard.firm;

import org.liuhua.hazard.known.KnownEstablishment;
import org.liuhua.hazard.known.KnownEstablishments;
import org.liuhua.kit.web.PageQuery;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.stereotype.Service;

/**
 * The establishments a firm's valid contracts cover today (H-7), for its inspectors' apps: read from the
 * establishments hazard-service knows from grid events (the register's facts; no person's data).
 */
@Service
public class FirmEstablishments {

    private final Contracts contracts;
    private final KnownEstablishments known;

    FirmEstablishments(Contracts contracts, KnownEstablishments known) {
        this.contracts = contracts;
        this.known = known;
    }

    /** One establishment as a firm's app gets it. */
    public record Item(String establishmentId, String name, String townId, String departmentId, String industry,
                       String unitId) {

        static Item of(KnownEstablishment e) {
            return new Item(e.establishmentId(), e.name(), e.townId(), e.departmentId(), e.industry(), e.unitId());
        }
    }

    public Page<Item> of(String firmId, PageQuery page) {
        Coverage coverage = contracts.coverage(firmId);
        if (coverage.isEmpty()) {
            return new PageImpl<>(java.util.List.of(), page.pageable(), 0);
        }
        return known.covered(coverage.establishmentIds(), coverage.townIds(), coverage.unitIds(), page.pageable())
                .map(Item::of);
    }
}
