package org.liuhua.training.session;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.media.Schema;
import org.liuhua.kit.domain.InvalidInputException;
import org.liuhua.kit.domain.NotFoundException;
import org.liuhua.kit.security.Caller;
import org.liuhua.kit.store.AggregateStore;
import org.liuhua.kit.store.CollectionIndexes;
import org.liuhua.kit.time.CityCalendar;
import org.liuhua.training.establishment.KnownEstablishment;
import org.liuhua.training.establishment.Scope;
import org.liuhua.training.session.domain.Session;
import org.liuhua.training.session.domain.SessionType;
import org.liuhua.training.staff.Staffs;
import org.liuhua.training.staff.domain.Staff;
import org.liuhua.training.staff.domain.StaffStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Sessions held at establishments (T-3) and which establishments held which kind in a month or quarter. */
@Service
public class Sessions {

    static final String COLLECTION = "sessions";

    private final AggregateStore<Session> store;
    private final Staffs staffs;
    private final CityCalendar calendar;

    Sessions(AggregateStore<Session> store, Staffs staffs, CityCalendar calendar) {
        this.store = store;
        this.staffs = staffs;
        this.calendar = calendar;
    }

    /** What a session request carries. */
    public record HoldSession(String establishmentId,
                              @Schema(allowableValues = {"SHIFT_BRIEFING", "QUARTERLY_LECTURE", "SEASON_OPENING",
                                      "MGMT_211", "PRINCIPAL_REVIEW"}) String type, LocalDate heldOn, String topic, String content,
                              List<String> attendees, Integer attendeeCount, String lecturerStaffId,
                              String lecturerName, Integer durationMinutes, List<String> photos,
                              List<String> reviewers, String outcome) {
    }

    public Session hold(HoldSession r, Scope scope, Caller by) {
        KnownEstablishment establishment = staffs.keptEstablishment(r.establishmentId(), scope);
        SessionType type = null;
        if (r.type() != null) {
            try {
                type = SessionType.valueOf(r.type().trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("type", "'" + r.type() + "' is not a session type");
            }
        }
        Session.Lecturer lecturer = null;
        if (r.lecturerStaffId() != null) {
            Staff s = staffs.find(new Query(Criteria.where("_id").is(r.lecturerStaffId()))).stream().findFirst()
                    .orElseThrow(() -> new InvalidInputException("lecturerStaffId", "no staff member "
                            + r.lecturerStaffId()));
            lecturer = new Session.Lecturer(s.id(), s.name(), s.establishmentId(), s.role(),
                    s.status() == StaffStatus.ACTIVE);
        }
        LocalDate heldOn = r.heldOn();
        String month = heldOn == null ? null : java.time.YearMonth.from(heldOn).toString();
        String quarter = heldOn == null ? null : heldOn.getYear() + "-Q" + ((heldOn.getMonthValue() - 1) / 3 + 1);
        Session session = Session.hold("ses-" + UUID.randomUUID(), establishment.id(), establishment.townId(), type,
                heldOn, month, quarter, r.topic(), r.content(), r.attendees(), r.attendeeCount(), lecturer,
                r.lecturerName(), r.durationMinutes(), r.photos(), r.reviewers(), r.outcome(), calendar.now(),
                by.signature());
        return store.insert(session);
    }

    public Session get(String id, Scope scope) {
        Session s = store.get(id, "session");
        if (!scope.covers(s.establishmentId())) {
            throw new NotFoundException("session", id);
        }
        return s;
    }

    public Page<Session> list(String establishmentId, String townId, String type, String month, Scope scope,
                              Pageable pageable) {
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
        if (type != null) {
            all.add(Criteria.where("type").is(type));
        }
        if (month != null) {
            all.add(Criteria.where("month").is(month));
        }
        return store.page(all.isEmpty() ? new Query() : new Query(new Criteria().andOperator(all)), pageable);
    }

    /** Establishments that held a session of the type in the month. */
    public Set<String> heldIn(SessionType type, java.time.YearMonth month) {
        return store.find(new Query(Criteria.where("type").is(type).and("month").is(month.toString()))).stream()
                .map(Session::establishmentId).collect(Collectors.toSet());
    }

    /** Establishments that held a session of the type in the month's quarter, up to the month's end. */
    public Set<String> heldInQuarterUpTo(SessionType type, java.time.YearMonth month) {
        LocalDate start = CityCalendar.quarterStart(month.atDay(1));
        String quarter = start.getYear() + "-Q" + ((start.getMonthValue() - 1) / 3 + 1);
        return store.find(new Query(Criteria.where("type").is(type).and("quarter").is(quarter))).stream()
                .filter(s -> !s.heldOn().isAfter(month.atEndOfMonth()))
                .map(Session::establishmentId).collect(Collectors.toSet());
    }

    /** Attendances (person-times) of sessions in a month, by establishment. */
    public java.util.Map<String, Integer> attendancesIn(java.time.YearMonth month) {
        return store.find(new Query(Criteria.where("month").is(month.toString()))).stream()
                .collect(Collectors.groupingBy(Session::establishmentId,
                        Collectors.summingInt(Session::attendeeCount)));
    }

    @Configuration(proxyBeanMethods = false)
    static class Store {

        @Bean
        AggregateStore<Session> sessionAggregates(MongoTemplate mongo, Clock clock) {
            return new AggregateStore<>(mongo, Session.class, COLLECTION, clock);
        }

        /** Lists by establishment or town and month; rates read one type per month or quarter. */
        @Bean
        CollectionIndexes sessionIndexes() {
            return CollectionIndexes.of(COLLECTION,
                    CollectionIndexes.on("establishmentId", "heldOn"),
                    CollectionIndexes.on("townId", "month", "heldOn"),
                    CollectionIndexes.on("type", "month"),
                    CollectionIndexes.on("type", "quarter"),
                    CollectionIndexes.on("month"));
        }
    }
}
