package org.liuhua.manual.handbook;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.liuhua.kit.domain.InvalidInputException;
import org.liuhua.kit.security.Caller;
import org.liuhua.kit.store.AggregateStore;
import org.liuhua.kit.store.CollectionIndexes;
import org.liuhua.kit.time.CityCalendar;
import org.liuhua.kit.web.PageQuery;
import org.liuhua.manual.establishment.EstablishmentAccess;
import org.liuhua.manual.establishment.KnownEstablishments;
import org.liuhua.manual.establishment.domain.KnownEstablishment;
import org.liuhua.manual.handbook.domain.Adoption;
import org.liuhua.manual.handbook.domain.Completeness;
import org.liuhua.manual.handbook.domain.Handbook;
import org.liuhua.manual.handbook.domain.Post;
import org.liuhua.manual.template.Templates;
import org.liuhua.manual.template.domain.Template;
import org.liuhua.manual.template.domain.TemplateDiff;
import org.liuhua.manual.template.domain.TemplateVersion;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Adoption (M-4): an establishment adopts the published templates of its industry, names its posts, gets a card per
 * post (recorded here by the card use cases), re-confirms newer template versions after reading the diff, and reviews
 * its handbook periodically. Also the lists a town or department needs: handbooks in scope, reviews coming due and
 * the lagging establishments for a notice (通报).
 */
@Service
public class Handbooks {

    public static final String COLLECTION = "handbooks";

    /** An adoption as an establishment sees it: what it pinned, what is newest, and what changed in between. */
    public record AdoptionStatus(Adoption adoption, Integer publishedVersion, boolean newerVersion,
                                 TemplateDiff diff) {
    }

    /** Why an establishment is listed for a notice. */
    public enum LagReason { NO_HANDBOOK, NO_POSTS, POSTS_WITHOUT_CARD, NEWER_VERSION_UNCONFIRMED, REVIEW_OVERDUE }

    /** One line of the notice list. */
    public record Lagging(String establishmentId, String name, String townId, String departmentId, String industry,
                          List<LagReason> reasons, List<String> missingPosts, LocalDate reviewDueOn) {
    }

    private final AggregateStore<Handbook> store;
    private final KnownEstablishments establishments;
    private final EstablishmentAccess access;
    private final Templates templates;
    private final HandbookProperties properties;
    private final CityCalendar calendar;

    Handbooks(MongoTemplate mongo, KnownEstablishments establishments, EstablishmentAccess access,
              Templates templates, HandbookProperties properties, CityCalendar calendar, Clock clock) {
        this.store = new AggregateStore<>(mongo, Handbook.class, COLLECTION, clock);
        this.establishments = establishments;
        this.access = access;
        this.templates = templates;
        this.properties = properties;
        this.calendar = calendar;
    }

    /** The handbook of an establishment the caller may see (an empty one when nothing was adopted yet). */
    public Handbook get(Caller caller, String establishmentId) {
        KnownEstablishment establishment = establishments.get(establishmentId);
        access.requireRead(caller, establishment);
        return store.findById(establishmentId).orElseGet(() -> Handbook.open(establishment.id(),
                establishment.townId(), establishment.departmentId(), establishment.industry()));
    }

    public List<AdoptionStatus> adoptionStatus(Handbook handbook) {
        List<AdoptionStatus> statuses = new ArrayList<>();
        for (Adoption adoption : handbook.adoptions()) {
            Template template = templates.get(adoption.templateId());
            Integer published = template.published().map(TemplateVersion::number).orElse(null);
            boolean newer = published != null && published > adoption.version();
            statuses.add(new AdoptionStatus(adoption, published, newer,
                    newer ? template.diff(adoption.version(), published) : null));
        }
        return statuses;
    }

    /** The published templates the establishment may adopt: those for its industry or one of its risk flags. */
    public List<Template> adoptable(Caller caller, String establishmentId) {
        KnownEstablishment establishment = establishments.get(establishmentId);
        access.requireRead(caller, establishment);
        return templates.publishedFor(establishment.industry(), establishment.flags()).stream()
                .sorted(Comparator.comparing(Template::code)).toList();
    }

    public Handbook adopt(Caller caller, String establishmentId, String templateId) {
        KnownEstablishment establishment = manageable(caller, establishmentId);
        if (templateId == null || templateId.isBlank()) {
            throw new InvalidInputException("templateId", "name the template to adopt");
        }
        Template template = templates.get(templateId);
        TemplateVersion published = template.published().orElseThrow(() -> new InvalidInputException("templateId",
                "template " + template.code() + " has no published version yet"));
        if (!establishment.matches(template.appliesTo().industries(), template.appliesTo().flags())) {
            throw new InvalidInputException("templateId", "template " + template.code() + " is not for industry "
                    + establishment.industry() + " or its risk flags " + establishment.flags());
        }
        return change(establishment, h -> h.adopt(template.id(), template.code(), template.kind().name(),
                published.content().title(), published.number(), caller.username(), calendar.now(), calendar.today(),
                properties.reviewInterval(), month()));
    }

    public Handbook confirm(Caller caller, String establishmentId, String templateId) {
        KnownEstablishment establishment = manageable(caller, establishmentId);
        Template template = templates.get(templateId);
        TemplateVersion published = template.published().orElseThrow();
        return change(establishment, h -> h.confirm(templateId, published.number(), published.content().title(),
                caller.username(), calendar.now(), month()));
    }

    public Handbook namePosts(Caller caller, String establishmentId, List<Post> posts) {
        KnownEstablishment establishment = manageable(caller, establishmentId);
        return change(establishment, h -> h.namePosts(posts == null ? List.of() : posts, caller.username(),
                calendar.now(), month()));
    }

    public Handbook reviewed(Caller caller, String establishmentId) {
        KnownEstablishment establishment = manageable(caller, establishmentId);
        return change(establishment, h -> h.reviewed(caller.username(), calendar.now(), calendar.today(),
                properties.reviewInterval(), month()));
    }

    /** The name of a post of the establishment (400 naming {@code postKey} when it has no such post). */
    public Post post(String establishmentId, String postKey) {
        return store.findById(establishmentId).orElseThrow(() -> new InvalidInputException("postKey",
                "establishment " + establishmentId + " has no posts yet")).post(postKey);
    }

    /** Called by the card use case after a post safety card was issued or revised (the caller is already checked). */
    public void cardIssued(Caller caller, String establishmentId, String postKey, String cardId) {
        store.change(establishmentId, "handbook", h -> {
            h.cardIssued(postKey, cardId, caller.username(), calendar.now(), month());
            return h;
        });
    }

    /** A newer version of a template was published: its adopters show it as waiting for confirmation. */
    public int newerVersionPublished(String templateId, int version) {
        int changed = 0;
        for (Handbook adopter : store.find(new Query(Criteria.where("adoptions.templateId").is(templateId)))) {
            store.change(adopter.establishmentId(), "handbook", h -> {
                boolean moved = h.newerVersionPublished(templateId, version, calendar.now());
                // saved when the latest version moved, also without an event: else a later version delivered
                // before this one would be overwritten by nothing and an earlier one would stay
                return moved || !h.registeredEvents().isEmpty() ? h : AggregateStore.NO_CHANGE;
            });
            changed++;
        }
        return changed;
    }

    /** Sends the review reminders that are due; answers how many were sent. */
    public int remindReviews() {
        LocalDate horizon = calendar.today().plus(properties.reminderLead());
        int sent = 0;
        for (Handbook due : store.find(new Query(Criteria.where("reviewDueOn").lte(horizon)).limit(1000))) {
            Object result = store.change(due.establishmentId(), "handbook",
                    h -> h.remindIfDue(calendar.today(), properties.reminderLead(), calendar.now())
                            ? h : AggregateStore.NO_CHANGE);
            if (result != AggregateStore.NO_CHANGE) {
                sent++;
            }
        }
        return sent;
    }

    /** Handbooks in the caller's scope, optionally of one town. */
    public Page<Handbook> list(Caller caller, String townId, PageQuery page) {
        Query query = new Query();
        Criteria scope = access.listScope(caller);
        if (scope != null) {
            query.addCriteria(new Criteria().andOperator(scope)); // under $and: a filter on the same field may follow
        }
        if (townId != null) {
            query.addCriteria(Criteria.where("townId").is(townId));
        }
        return store.page(query, page.pageable());
    }

    /** Handbooks whose review is due within the given days (or overdue), in the caller's scope. */
    public Page<Handbook> reviewsDue(Caller caller, int withinDays, PageQuery page) {
        Query query = new Query(Criteria.where("reviewDueOn").lte(calendar.today().plusDays(withinDays)));
        Criteria scope = access.listScope(caller);
        if (scope != null) {
            query.addCriteria(new Criteria().andOperator(scope)); // under $and: a filter on the same field may follow
        }
        return store.page(query, page.pageable());
    }

    /**
     * The establishments of a town (or of the caller's scope) whose handbook lags: none adopted, no posts, posts
     * without a card, a newer template version not confirmed, or a review overdue — for the town's or department's
     * notice (通报).
     */
    public List<Lagging> lagging(Caller caller, String townId, String departmentId) {
        List<Criteria> filters = new ArrayList<>();
        Criteria scope = access.listScope(caller);
        if (scope != null) {
            filters.add(scope.getKey().equals("establishmentId") ? Criteria.where("_id").is(caller.establishmentId())
                    : scope);
        }
        if (townId != null) {
            filters.add(Criteria.where("townId").is(townId));
        }
        if (departmentId != null) {
            filters.add(Criteria.where("departmentId").is(departmentId));
        }
        Query inScope = filters.isEmpty() ? new Query() : new Query(new Criteria().andOperator(filters));
        Map<String, Handbook> handbooks = new LinkedHashMap<>();
        for (Handbook h : store.find(inScope)) {
            handbooks.put(h.establishmentId(), h);
        }
        LocalDate today = calendar.today();
        List<Lagging> lagging = new ArrayList<>();
        for (KnownEstablishment e : establishments.find(inScope)) {
            Handbook h = handbooks.get(e.id());
            List<LagReason> reasons = new ArrayList<>();
            List<String> missing = List.of();
            if (h == null || h.adoptions().isEmpty()) {
                reasons.add(LagReason.NO_HANDBOOK);
            }
            if (h != null) {
                Completeness c = h.currentCompleteness();
                if (c.posts() == 0) {
                    reasons.add(LagReason.NO_POSTS);
                } else if (!c.complete()) {
                    reasons.add(LagReason.POSTS_WITHOUT_CARD);
                    missing = c.missingPosts();
                }
                if (c.outdatedAdoptions() > 0) {
                    reasons.add(LagReason.NEWER_VERSION_UNCONFIRMED);
                }
                if (h.reviewOverdue(today)) {
                    reasons.add(LagReason.REVIEW_OVERDUE);
                }
            } else {
                reasons.add(LagReason.NO_POSTS);
            }
            if (!reasons.isEmpty()) {
                lagging.add(new Lagging(e.id(), e.name(), e.townId(), e.departmentId(), e.industry(), reasons, missing,
                        h == null ? null : h.reviewDueOn()));
            }
        }
        lagging.sort(Comparator.comparing(Lagging::townId, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Lagging::establishmentId));
        return lagging;
    }

    private KnownEstablishment manageable(Caller caller, String establishmentId) {
        KnownEstablishment establishment = establishments.get(establishmentId);
        access.requireManage(caller, establishment);
        return establishment;
    }

    /** Loads or opens the establishment's handbook, applies the command and writes it (insert when new). */
    private Handbook change(KnownEstablishment e, java.util.function.Consumer<Handbook> command) {
        for (int attempt = 0; attempt < 3; attempt++) {
            if (store.findById(e.id()).isEmpty()) {
                Handbook fresh = Handbook.open(e.id(), e.townId(), e.departmentId(), e.industry());
                command.accept(fresh);
                try {
                    return store.insert(fresh);
                } catch (DuplicateKeyException concurrently) {
                    continue;
                }
            }
            return store.change(e.id(), "handbook", h -> {
                h.locate(e.townId(), e.departmentId(), e.industry());
                command.accept(h);
                return h;
            });
        }
        throw new IllegalStateException("handbook " + e.id() + " could not be written");
    }

    private String month() {
        return calendar.monthKey(calendar.now());
    }

    @Configuration(proxyBeanMethods = false)
    static class Indexes {

        @Bean
        CollectionIndexes handbookIndexes() {
            return CollectionIndexes.of(COLLECTION, CollectionIndexes.on("townId", "establishmentId"),
                    CollectionIndexes.on("departmentId", "establishmentId"),
                    CollectionIndexes.on("establishmentId"),
                    CollectionIndexes.on("adoptions.templateId"),
                    CollectionIndexes.on("reviewDueOn"));
        }
    }
}
