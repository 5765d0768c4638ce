package org.liuhua.manual.card;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.liuhua.kit.domain.ConflictException;
import org.liuhua.kit.domain.ForbiddenException;
import org.liuhua.kit.domain.InvalidInputException;
import org.liuhua.kit.domain.NotFoundException;
import org.liuhua.kit.security.Caller;
import org.liuhua.kit.security.Roles;
import org.liuhua.kit.store.AggregateStore;
import org.liuhua.kit.store.CollectionIndexes;
import org.liuhua.kit.time.CityCalendar;
import org.liuhua.kit.web.PageQuery;
import org.liuhua.manual.card.domain.Card;
import org.liuhua.manual.card.domain.CardKind;
import org.liuhua.manual.establishment.EstablishmentAccess;
import org.liuhua.manual.establishment.KnownEstablishments;
import org.liuhua.manual.establishment.domain.KnownEstablishment;
import org.liuhua.manual.handbook.Handbooks;
import org.liuhua.manual.handbook.domain.Post;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Page;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * One-page cards (M-3, M-5): issue and revise (a post safety card is recorded on its post, which makes the handbook
 * more complete), read within scope, print as one A4 page with a QR code, and show on a phone without login when the
 * card is marked public.
 */
@Service
public class Cards {

    public static final String COLLECTION = "cards";

    /** A card to issue: for an establishment (and a post), or for a cluster (the "三单两卡一图一牌"). */
    public record IssueCard(CardKind kind, String establishmentId, String clusterId, String townId, String ownerName,
                            String postKey, String title, Map<String, List<String>> parts, boolean publicCard) {
    }

    private final AggregateStore<Card> store;
    private final KnownEstablishments establishments;
    private final EstablishmentAccess access;
    private final Handbooks handbooks;
    private final CardFont font;
    private final CardRenderer renderer;
    private final CardProperties properties;
    private final CityCalendar calendar;

    Cards(MongoTemplate mongo, KnownEstablishments establishments, EstablishmentAccess access, Handbooks handbooks,
          CardFont font, CardRenderer renderer, CardProperties properties, CityCalendar calendar, Clock clock) {
        this.store = new AggregateStore<>(mongo, Card.class, COLLECTION, clock);
        this.establishments = establishments;
        this.access = access;
        this.handbooks = handbooks;
        this.font = font;
        this.renderer = renderer;
        this.properties = properties;
        this.calendar = calendar;
    }

    public Card issue(Caller caller, IssueCard command) {
        if (command.kind() == null) {
            throw new InvalidInputException("kind", "one of " + List.of(CardKind.values()));
        }
        Card.Owner owner = owner(caller, command);
        if (command.kind() == CardKind.POST_SAFETY) {
            String existing = handbooks.post(owner.establishmentId(), owner.postKey()).cardId();
            if (existing != null) {
                throw new ConflictException("post " + owner.postName() + " already has the card " + existing
                        + "; revise that card", "ISSUED", List.of("revise"));
            }
        }
        Card card = Card.issue("card-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12),
                command.kind(), owner, command.title(), command.parts(), command.publicCard(), font::printable,
                caller.username(), calendar.now());
        store.insert(card);
        if (card.kind() == CardKind.POST_SAFETY) {
            handbooks.cardIssued(caller, card.establishmentId(), card.postKey(), card.id());
        }
        return card;
    }

    public Card revise(Caller caller, String id, String title, Map<String, List<String>> parts, boolean publicCard) {
        Card current = store.get(id, "card");
        requireManage(caller, current);
        Card revised = store.change(id, "card", c -> {
            c.revise(title, parts, publicCard, font::printable, caller.username(), calendar.now());
            return c;
        });
        if (revised.kind() == CardKind.POST_SAFETY) {
            handbooks.cardIssued(caller, revised.establishmentId(), revised.postKey(), revised.id());
        }
        return revised;
    }

    /** A card the caller may see (404 otherwise). */
    public Card get(Caller caller, String id) {
        Card card = store.get(id, "card");
        if (card.establishmentId() != null) {
            establishments.find(card.establishmentId()).ifPresentOrElse(e -> access.requireRead(caller, e),
                    () -> {
                        if (!caller.cityWide()) {
                            throw new NotFoundException("card", id);
                        }
                    });
        }
        return card;
    }

    /** The card for its mobile page: anyone when it is public, else only a signed-in caller who may see it. */
    public Card forPhone(Caller callerOrNull, String id) {
        Card card = store.get(id, "card");
        if (card.publicCard()) {
            return card;
        }
        if (callerOrNull == null) {
            throw new NotFoundException("card", id);
        }
        return get(callerOrNull, id);
    }

    public byte[] pdf(Card card) {
        return renderer.render(CardRenderer.print(card, url(card), calendar.dayOf(card.revisedAt())));
    }

    /** What the card's QR code opens. */
    public String url(Card card) {
        return properties.publicBaseUrl() + "/m/cards/" + card.id();
    }

    public Page<Card> list(Caller caller, String establishmentId, String clusterId, CardKind kind, PageQuery page) {
        Query query = new Query();
        Criteria scope = access.listScope(caller);
        if (scope != null) {
            query.addCriteria(new Criteria().andOperator(scope)); // under $and: a filter on the same field may follow
        }
        if (establishmentId != null) {
            query.addCriteria(Criteria.where("establishmentId").is(establishmentId));
        }
        if (clusterId != null) {
            query.addCriteria(Criteria.where("clusterId").is(clusterId));
        }
        if (kind != null) {
            query.addCriteria(Criteria.where("kind").is(kind));
        }
        return store.page(query, page.pageable());
    }

    private Card.Owner owner(Caller caller, IssueCard command) {
        if (command.establishmentId() != null) {
            KnownEstablishment e = establishments.get(command.establishmentId());
            access.requireManage(caller, e);
            Post post = null;
            if (command.kind() == CardKind.POST_SAFETY || command.postKey() != null) {
                if (command.postKey() == null || command.postKey().isBlank()) {
                    throw new InvalidInputException("postKey", "a post safety card is for one post of the "
                            + "establishment");
                }
                post = handbooks.post(e.id(), command.postKey());
            }
            return new Card.Owner(e.id(), e.clusterId(), e.townId(), e.departmentId(), e.name(),
                    post == null ? null : post.key(), post == null ? null : post.name());
        }
        if (command.kind() == CardKind.POST_SAFETY) {
            throw new InvalidInputException("establishmentId", "a post safety card belongs to an establishment");
        }
        if (command.clusterId() == null || command.townId() == null) {
            throw new InvalidInputException("clusterId", "a card is for an establishment or for a cluster of a town "
                    + "(clusterId and townId)");
        }
        boolean town = caller.has(Roles.TOWN_OFFICER) && command.townId().equals(caller.townId());
        if (!(caller.has(Roles.CITY_ADMIN) || town)) {
            throw new ForbiddenException("a cluster's cards are issued by its town or the city administrator");
        }
        return new Card.Owner(null, command.clusterId(), command.townId(), null,
                command.ownerName() == null ? command.clusterId() : command.ownerName(), null, null);
    }

    private void requireManage(Caller caller, Card card) {
        if (card.establishmentId() != null) {
            access.requireManage(caller, establishments.get(card.establishmentId()));
        } else if (!(caller.has(Roles.CITY_ADMIN)
                || caller.has(Roles.TOWN_OFFICER) && card.townId().equals(caller.townId()))) {
            throw new ForbiddenException("a cluster's cards are revised by its town or the city administrator");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Beans {

        @Bean
        CardFont cardFont() {
            return CardFont.shared();
        }

        @Bean
        CardRenderer cardRenderer(CardFont font) {
            return new CardRenderer(font);
        }

        @Bean
        CollectionIndexes cardIndexes() {
            return CollectionIndexes.of(COLLECTION, CollectionIndexes.on("establishmentId", "kind"),
                    CollectionIndexes.on("clusterId", "kind"), CollectionIndexes.on("townId", "kind"),
                    CollectionIndexes.on("departmentId", "kind"), CollectionIndexes.on("kind"));
        }
    }
}
