package org.liuhua.manual.acknowledgement;

import java.time.Clock;

import org.liuhua.kit.domain.ForbiddenException;
import org.liuhua.kit.security.Caller;
import org.liuhua.kit.security.Roles;
import org.liuhua.kit.store.AggregateStore;
import org.liuhua.kit.store.CollectionIndexes;
import org.liuhua.kit.time.CityCalendar;
import org.liuhua.kit.web.PageQuery;
import org.liuhua.manual.acknowledgement.domain.Acknowledgement;
import org.liuhua.manual.card.Cards;
import org.liuhua.manual.card.domain.Card;
import org.liuhua.manual.establishment.EstablishmentAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Staff acknowledge reading the cards of their establishment; staff see their own acknowledgements, an enterprise its
 * staff's, a town or department those in its scope. The staff member is the token's subject (training-service's
 * staff registry publishes no events yet to name them otherwise).
 */
@Service
public class Acknowledgements {

    public static final String COLLECTION = "acknowledgements";

    /** The answer of an acknowledgement, and whether it was new. */
    public record Acknowledged(Acknowledgement acknowledgement, boolean created) {
    }

    private final AggregateStore<Acknowledgement> store;
    private final Cards cards;
    private final EstablishmentAccess access;
    private final CityCalendar calendar;

    Acknowledgements(MongoTemplate mongo, Cards cards, EstablishmentAccess access, CityCalendar calendar,
                     Clock clock) {
        this.store = new AggregateStore<>(mongo, Acknowledgement.class, COLLECTION, clock);
        this.cards = cards;
        this.access = access;
        this.calendar = calendar;
    }

    public Acknowledged acknowledge(Caller caller, String cardId) {
        Card card = cards.get(caller, cardId);
        if (!caller.hasAny(Roles.STAFF, Roles.ENTERPRISE_OFFICER)) {
            throw new ForbiddenException("staff acknowledge the cards of their own establishment");
        }
        String id = Acknowledgement.idOf(card.id(), card.revision(), caller.subject());
        var existing = store.findById(id);
        if (existing.isPresent()) {
            return new Acknowledged(existing.get(), false);
        }
        try {
            return new Acknowledged(store.insert(Acknowledgement.of(card.id(), card.revision(), card.establishmentId(),
                    card.townId(), card.departmentId(), caller.subject(), caller.username(), calendar.now())), true);
        } catch (DuplicateKeyException concurrently) {
            return new Acknowledged(store.get(id, "acknowledgement"), false);
        }
    }

    public Page<Acknowledgement> list(Caller caller, String cardId, String establishmentId, PageQuery page) {
        Query query = new Query();
        if (caller.has(Roles.STAFF) && !caller.hasAny(Roles.ENTERPRISE_OFFICER, Roles.CITY_ADMIN)) {
            query.addCriteria(Criteria.where("staffId").is(caller.subject()));
        } else {
            Criteria scope = access.listScope(caller);
            if (scope != null) {
                query.addCriteria(new Criteria().andOperator(scope)); // under $and: a filter on the same field may follow
            }
        }
        if (cardId != null) {
            query.addCriteria(Criteria.where("cardId").is(cardId));
        }
        if (establishmentId != null) {
            query.addCriteria(Criteria.where("establishmentId").is(establishmentId));
        }
        return store.page(query, page.pageable());
    }

    @Configuration(proxyBeanMethods = false)
    static class Indexes {

        @Bean
        CollectionIndexes acknowledgementIndexes() {
            return CollectionIndexes.of(COLLECTION, CollectionIndexes.on("staffId", "acknowledgedAt"),
                    CollectionIndexes.on("establishmentId", "acknowledgedAt"),
                    CollectionIndexes.on("cardId", "acknowledgedAt"), CollectionIndexes.on("townId", "acknowledgedAt"),
                    CollectionIndexes.on("departmentId", "acknowledgedAt"), CollectionIndexes.on("acknowledgedAt"));
        }
    }
}
