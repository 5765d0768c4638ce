package org.liuhua.hazard.firm;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.liuhua.hazard.HazardProperties;
import org.liuhua.hazard.firm.domain.Contract;
import org.liuhua.kit.domain.InvalidInputException;
import org.liuhua.kit.domain.NotFoundException;
import org.liuhua.kit.store.AggregateStore;
import org.liuhua.kit.time.CityCalendar;
import org.liuhua.kit.web.PageQuery;
import org.springframework.data.domain.Page;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Contracts of third-party firms: which establishments a firm may push findings for and see. Written only through
 * their {@link AggregateStore} (an extension or amendment commits with its event).
 */
@Service
public class Contracts {

    static final String COLLECTION = "contracts";
    static final String WHAT = "contract";

    private final AggregateStore<Contract> store;
    private final CityCalendar calendar;
    private final HazardProperties properties;

    Contracts(AggregateStore<Contract> contractStore, CityCalendar calendar, HazardProperties properties) {
        this.store = contractStore;
        this.calendar = calendar;
        this.properties = properties;
    }

    /** Covered towns must be the city's ({@code liuhua.hazard.towns}), else 400 {@code townIds}. */
    private void checkTowns(List<String> townIds) {
        if (townIds != null) {
            for (String town : townIds) {
                if (!properties.towns().contains(town)) {
                    throw new InvalidInputException("townIds", "unknown town " + town);
                }
            }
        }
    }

    public Contract create(String firmId, List<String> establishmentIds, List<String> townIds, List<String> unitIds,
                           LocalDate validFrom, LocalDate validTo, String createdBy) {
        checkTowns(townIds);
        return store.insert(Contract.create(UUID.randomUUID().toString(), firmId, establishmentIds, townIds, unitIds,
                validFrom, validTo, createdBy, calendar.now()));
    }

    public Contract terminate(String contractId) {
        return store.change(contractId, WHAT, c -> {
            c.terminate(calendar.now());
            return c;
        });
    }

    public Contract extend(String contractId, LocalDate validTo, String reason, String by) {
        return store.change(contractId, WHAT, c -> {
            c.extend(validTo, reason, by, calendar.now());
            return c;
        });
    }

    public Contract amend(String contractId, List<String> establishmentIds, List<String> townIds,
                          List<String> unitIds, String reason, String by) {
        checkTowns(townIds);
        return store.change(contractId, WHAT, c -> {
            c.amend(establishmentIds, townIds, unitIds, reason, by, calendar.now());
            return c;
        });
    }

    public Contract get(String contractId) {
        return store.findById(contractId).orElseThrow(() -> new NotFoundException(WHAT, contractId));
    }

    /** One page of the contracts, of one firm or (firmId null) of all. */
    public Page<Contract> list(String firmId, PageQuery page) {
        Query query = firmId == null ? new Query() : new Query(Criteria.where("firmId").is(firmId));
        return store.page(query, page.pageable());
    }

    /** The firm's contracts valid today (in the city's calendar). */
    public List<Contract> valid(String firmId) {
        LocalDate today = calendar.today();
        return store.find(new Query(Criteria.where("firmId").is(firmId))).stream().filter(c -> c.validOn(today))
                .toList();
    }

    /** What the firm's valid contracts cover today, together. */
    public Coverage coverage(String firmId) {
        return Coverage.of(valid(firmId));
    }
}
