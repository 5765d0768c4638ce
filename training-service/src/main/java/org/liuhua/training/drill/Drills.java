package org.liuhua.training.drill;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.liuhua.kit.domain.NotFoundException;
import org.liuhua.kit.security.Caller;
import org.liuhua.kit.store.AggregateStore;
import org.liuhua.kit.store.CollectionIndexes;
import org.liuhua.kit.time.CityCalendar;
import org.liuhua.training.TrainingProperties;
import org.liuhua.training.drill.domain.Drill;
import org.liuhua.training.establishment.KnownEstablishment;
import org.liuhua.training.establishment.KnownEstablishments;
import org.liuhua.training.establishment.Scope;
import org.liuhua.training.staff.Staffs;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Drills (T-7) and their rules: key sectors and crowded places drill at least every half-year (configurable); a
 * landlord's drill covers all its tenants (厂中厂); a tenant drills before it produces (先演练、后生产).
 */
@Service
public class Drills {

    static final String COLLECTION = "drills";

    /** An establishment without the drill the period requires. */
    public record DueDrill(String establishmentId, String name, String townId, String kind, String reason,
                           LocalDate periodStart, LocalDate lastDrill, List<String> uncoveredTenants) {
    }

    /** A tenant of a rental factory no drill has covered since it moved in. */
    public record TenantWithoutDrill(String tenantId, String name, String townId, String landlordId,
                                     String landlordName, LocalDate tenantSince) {
    }

    public record HoldDrill(String establishmentId,
                            @io.swagger.v3.oas.annotations.media.Schema(allowableValues = {"EVACUATION", "FIRE",
                                    "HAZARDOUS_CHEMICAL_LEAK", "CONFINED_SPACE_RESCUE", "DUST_EXPLOSION", "GAS_LEAK",
                                    "FLOOD_TYPHOON", "OTHER"}) String type,
                            LocalDate heldOn, Integer participants,
                            String scenario, List<String> tenantsCovered, List<String> photos) {
    }

    private final AggregateStore<Drill> store;
    private final KnownEstablishments establishments;
    private final Staffs staffs;
    private final CityCalendar calendar;
    private final TrainingProperties.Drills properties;

    Drills(AggregateStore<Drill> store, KnownEstablishments establishments, Staffs staffs, CityCalendar calendar,
           TrainingProperties properties) {
        this.store = store;
        this.establishments = establishments;
        this.staffs = staffs;
        this.calendar = calendar;
        this.properties = properties.drills();
    }

    public Drill hold(HoldDrill r, Scope scope, Caller by) {
        KnownEstablishment e = staffs.keptEstablishment(r.establishmentId(), scope);
        Set<String> tenants = establishments.tenantsOf(e.id()).stream().map(KnownEstablishment::id)
                .collect(Collectors.toSet());
        return store.insert(Drill.hold("drl-" + UUID.randomUUID(), e.id(), e.townId(),
                r.type() == null ? null : r.type().trim().toUpperCase(java.util.Locale.ROOT), r.heldOn(),
                r.participants(), r.scenario(), r.tenantsCovered(), tenants, r.photos(), calendar.now(),
                by.signature()));
    }

    public Drill get(String id, Scope scope) {
        Drill d = store.get(id, "drill");
        if (!scope.covers(d.establishmentId())) {
            throw new NotFoundException("drill", id);
        }
        return d;
    }

    public Page<Drill> list(String establishmentId, String townId, Scope scope, Pageable pageable) {
        List<Criteria> all = new ArrayList<>();
        Criteria scoped = scope.criteria("establishmentId", null);
        if (scoped != null) {
            all.add(scoped);
        }
        if (establishmentId != null) {
            all.add(Criteria.where("establishmentId").is(establishmentId));
        }
        if (townId != null) {
            all.add(Criteria.where("townId").is(townId));
        }
        return store.page(all.isEmpty() ? new Query() : new Query(new Criteria().andOperator(all)), pageable);
    }

    /** The first day of the current drill period (the calendar half-year by default). */
    public LocalDate periodStart(LocalDate today) {
        return switch (properties.periodMonths()) {
            case 6 -> CityCalendar.halfYearStart(today);
            case 3 -> CityCalendar.quarterStart(today);
            case 12 -> today.withDayOfYear(1);
            default -> today.minusMonths(properties.periodMonths());
        };
    }

    /** Establishments due a drill this period: required kinds/flags without one, landlords without an all-tenant one. */
    public List<DueDrill> due(String townId, Scope scope) {
        LocalDate today = calendar.today();
        LocalDate start = periodStart(today);
        List<KnownEstablishment> visible = visible(townId, scope);
        Map<String, List<KnownEstablishment>> tenantsByLandlord = establishments.where(Criteria.where("landlordId")
                .ne(null)).stream().collect(Collectors.groupingBy(KnownEstablishment::landlordId));
        Map<String, List<Drill>> drills = store.find(new Query(Criteria.where("heldOn").gte(start))).stream()
                .collect(Collectors.groupingBy(Drill::establishmentId));
        List<DueDrill> due = new ArrayList<>();
        for (KnownEstablishment e : visible) {
            List<Drill> own = drills.getOrDefault(e.id(), List.of());
            LocalDate last = own.stream().map(Drill::heldOn).max(Comparator.naturalOrder()).orElse(null);
            List<KnownEstablishment> tenants = tenantsByLandlord.getOrDefault(e.id(), List.of());
            if (!tenants.isEmpty()) {
                Set<String> current = tenants.stream().map(KnownEstablishment::id).collect(Collectors.toSet());
                boolean full = own.stream().anyMatch(d -> d.tenantsCovered().containsAll(current));
                if (!full) {
                    Set<String> ever = own.stream().flatMap(d -> d.tenantsCovered().stream())
                            .collect(Collectors.toSet());
                    due.add(new DueDrill(e.id(), e.name(), e.townId(), e.kind(), "NO_DRILL_COVERING_ALL_TENANTS",
                            start, last, current.stream().filter(t -> !ever.contains(t)).sorted().toList()));
                }
            } else if ((properties.requiredKinds().contains(e.kind()) || e.hasAnyFlag(properties.requiredFlags()))
                    && own.isEmpty()) {
                due.add(new DueDrill(e.id(), e.name(), e.townId(), e.kind(), "NO_DRILL_THIS_PERIOD", start, null,
                        List.of()));
            }
        }
        due.sort(Comparator.comparing(DueDrill::townId).thenComparing(DueDrill::establishmentId));
        return due;
    }

    /** "先演练、后生产": tenants no drill (their own or their landlord's listing them) has covered since moving in. */
    public List<TenantWithoutDrill> tenantsWithoutDrill(String townId, Scope scope) {
        List<KnownEstablishment> tenants = establishments.where(Criteria.where("landlordId").ne(null)).stream()
                .filter(t -> townId == null || townId.equals(t.townId()))
                .filter(t -> scope.covers(t.id()) || scope.covers(t.landlordId())).toList();
        if (tenants.isEmpty()) {
            return List.of();
        }
        Set<String> involved = tenants.stream().flatMap(t -> java.util.stream.Stream.of(t.id(), t.landlordId()))
                .collect(Collectors.toSet());
        List<Drill> drills = store.find(new Query(Criteria.where("establishmentId").in(involved)));
        Map<String, KnownEstablishment> landlords = establishments.byIds(tenants.stream()
                .map(KnownEstablishment::landlordId).collect(Collectors.toSet()));
        List<TenantWithoutDrill> out = new ArrayList<>();
        for (KnownEstablishment t : tenants) {
            LocalDate since = t.tenantSince() == null ? LocalDate.MIN : calendar.dayOf(t.tenantSince());
            boolean drilled = drills.stream().anyMatch(d -> d.covers(t.id()) && !d.heldOn().isBefore(since));
            if (!drilled) {
                KnownEstablishment landlord = landlords.get(t.landlordId());
                out.add(new TenantWithoutDrill(t.id(), t.name(), t.townId(), t.landlordId(),
                        landlord == null ? null : landlord.name(), since.equals(LocalDate.MIN) ? null : since));
            }
        }
        out.sort(Comparator.comparing(TenantWithoutDrill::townId).thenComparing(TenantWithoutDrill::tenantId));
        return out;
    }

    private List<KnownEstablishment> visible(String townId, Scope scope) {
        Criteria criteria = townId == null ? null : Criteria.where("townId").is(townId);
        if (!scope.all()) {
            Criteria mine = Criteria.where("_id").in(scope.establishments());
            criteria = criteria == null ? mine : new Criteria().andOperator(criteria, mine);
        }
        return establishments.where(criteria);
    }

    @Configuration(proxyBeanMethods = false)
    static class Store {

        @Bean
        AggregateStore<Drill> drillAggregates(MongoTemplate mongo, Clock clock) {
            return new AggregateStore<>(mongo, Drill.class, COLLECTION, clock);
        }

        /** Lists by establishment or town, newest first; the period's drills by day; tenants covered. */
        @Bean
        CollectionIndexes drillIndexes() {
            return CollectionIndexes.of(COLLECTION,
                    CollectionIndexes.on("establishmentId", "heldOn"),
                    CollectionIndexes.on("townId", "heldOn"),
                    CollectionIndexes.on("heldOn"),
                    CollectionIndexes.on("tenantsCovered"));
        }
    }
}
