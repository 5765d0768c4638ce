package org.liuhua.hazard.firm;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.liuhua.kit.domain.InvalidInputException;
import org.liuhua.kit.domain.NotFoundException;
import org.liuhua.kit.time.CityCalendar;
import org.liuhua.kit.web.PageQuery;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Contracts of third-party firms: which establishments a firm may push findings for and see. */
@Service
public class Contracts {

    static final String COLLECTION = "contracts";

    private final MongoTemplate mongo;
    private final CityCalendar calendar;

    Contracts(MongoTemplate mongo, CityCalendar calendar) {
        this.mongo = mongo;
        this.calendar = calendar;
    }

    public Contract create(String firmId, List<String> establishmentIds, LocalDate validFrom, LocalDate validTo,
                           String createdBy) {
        if (validTo.isBefore(validFrom)) {
            throw new InvalidInputException("validTo", "must not be before validFrom");
        }
        Contract contract = new Contract(UUID.randomUUID().toString(), firmId, List.copyOf(establishmentIds),
                validFrom, validTo, createdBy, calendar.now(), null);
        return mongo.insert(contract);
    }

    public Contract terminate(String contractId) {
        Contract c = get(contractId);
        Contract ended = new Contract(c.contractId(), c.firmId(), c.establishmentIds(), c.validFrom(), c.validTo(),
                c.createdBy(), c.createdAt(), calendar.now());
        return mongo.save(ended);
    }

    public Contract get(String contractId) {
        Contract c = mongo.findById(contractId, Contract.class);
        if (c == null) {
            throw new NotFoundException("contract", contractId);
        }
        return c;
    }

    /** One page of the contracts, of one firm or (firmId null) of all. */
    public Page<Contract> list(String firmId, PageQuery page) {
        Query query = firmId == null ? new Query() : new Query(Criteria.where("firmId").is(firmId));
        long total = mongo.count(query, Contract.class);
        List<Contract> items = mongo.find(Query.of(query).with(page.pageable()), Contract.class);
        return new PageImpl<>(items, page.pageable(), total);
    }

    /** Establishments the firm holds a valid contract for today (in the city's calendar). */
    public Set<String> contractedEstablishments(String firmId) {
        LocalDate today = calendar.today();
        return mongo.find(new Query(Criteria.where("firmId").is(firmId)), Contract.class).stream()
                .filter(c -> c.validOn(today)).flatMap(c -> c.establishmentIds().stream())
                .collect(Collectors.toSet());
    }
}
