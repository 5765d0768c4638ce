package org.liuhua.hazard.firm;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.liuhua.kit.domain.InvalidInputException;
import org.liuhua.kit.domain.NotFoundException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Contracts of third-party firms: which establishments a firm may push findings for and see. */
@Service
public class Contracts {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final MongoTemplate mongo;
    private final Clock clock;

    Contracts(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public Contract create(String firmId, List<String> establishmentIds, LocalDate validFrom, LocalDate validTo,
                           String createdBy) {
        if (validTo.isBefore(validFrom)) {
            throw new InvalidInputException("validTo", "must not be before validFrom");
        }
        Contract contract = new Contract(UUID.randomUUID().toString(), firmId, List.copyOf(establishmentIds),
                validFrom, validTo, createdBy, clock.instant(), null);
        return mongo.insert(contract);
    }

    public Contract terminate(String contractId) {
        Contract c = get(contractId);
        Contract ended = new Contract(c.contractId(), c.firmId(), c.establishmentIds(), c.validFrom(), c.validTo(),
                c.createdBy(), c.createdAt(), clock.instant());
        return mongo.save(ended);
    }

    public Contract get(String contractId) {
        Contract c = mongo.findById(contractId, Contract.class);
        if (c == null) {
            throw new NotFoundException("contract", contractId);
        }
        return c;
    }

    public List<Contract> list(String firmId, int page, int size) {
        Query query = firmId == null ? new Query() : new Query(Criteria.where("firmId").is(firmId));
        query.with(PageRequest.of(page, size, Sort.by("createdAt").descending()));
        return mongo.find(query, Contract.class);
    }

    public long count(String firmId) {
        return mongo.count(firmId == null ? new Query() : new Query(Criteria.where("firmId").is(firmId)),
                Contract.class);
    }

    /** Establishments the firm holds a valid contract for today. */
    public Set<String> contractedEstablishments(String firmId) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), CHINA);
        return mongo.find(new Query(Criteria.where("firmId").is(firmId)), Contract.class).stream()
                .filter(c -> c.validOn(today)).flatMap(c -> c.establishmentIds().stream())
                .collect(Collectors.toSet());
    }
}
