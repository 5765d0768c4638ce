package org.liuhua.hazard.interview;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.liuhua.hazard.HazardProperties;
import org.liuhua.hazard.interview.domain.Interview;
import org.liuhua.hazard.interview.domain.InterviewDraft;
import org.liuhua.hazard.known.KnownEstablishment;
import org.liuhua.hazard.known.KnownEstablishments;
import org.liuhua.kit.domain.FieldProblem;
import org.liuhua.kit.domain.ForbiddenException;
import org.liuhua.kit.domain.InvalidInputException;
import org.liuhua.kit.security.Caller;
import org.liuhua.kit.security.Roles;
import org.liuhua.kit.store.AggregateStore;
import org.liuhua.kit.time.CityCalendar;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Recording and listing warning interviews (约谈警示). The establishment must be known (from grid events); a town
 * officer records and sees those of their town, a department officer those of their department, the city admin (and,
 * to read, the cockpit viewer) all of them.
 */
@Service
public class Interviews {

    private final AggregateStore<Interview> store;
    private final KnownEstablishments known;
    private final CityCalendar calendar;
    private final HazardProperties properties;

    Interviews(AggregateStore<Interview> store, KnownEstablishments known, CityCalendar calendar,
               HazardProperties properties) {
        this.properties = properties;
        this.store = store;
        this.known = known;
        this.calendar = calendar;
    }

    public Interview record(InterviewDraft draft, Caller caller) {
        List<FieldProblem> problems = new ArrayList<>(draft.problems(calendar.today()));
        KnownEstablishment establishment = draft.establishmentId() == null ? null
                : known.find(draft.establishmentId()).orElse(null);
        if (draft.establishmentId() != null && establishment == null) {
            problems.add(new FieldProblem("establishmentId", "is not a known establishment"));
        }
        if (draft.departmentId() != null && !properties.departments().contains(draft.departmentId())) {
            problems.add(new FieldProblem("departmentId", "is not a supervising department of this city"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String department = draft.departmentId() != null ? draft.departmentId() : establishment.departmentId();
        if (!caller.has(Roles.CITY_ADMIN)) {
            if (caller.has(Roles.TOWN_OFFICER)) {
                if (caller.townId() == null || !caller.townId().equals(establishment.townId())) {
                    throw new ForbiddenException("a town officer records interviews of establishments of their town");
                }
            } else if (caller.has(Roles.DEPARTMENT_OFFICER)) {
                if (caller.departmentId() == null) {
                    throw new ForbiddenException("the token names no department");
                }
                if (draft.departmentId() != null && !draft.departmentId().equals(caller.departmentId())) {
                    throw new InvalidInputException("departmentId", "must be your own department ("
                            + caller.departmentId() + ")");
                }
                department = caller.departmentId();
            } else {
                throw new ForbiddenException("only officers record warning interviews");
            }
        }
        Interview interview = Interview.record("iv-" + UUID.randomUUID(), draft, establishment.name(),
                establishment.townId(), department, draft.heldOnDay().toString().substring(0, 7), caller.subject(),
                caller.username(), role(caller), calendar.now());
        return store.insert(interview);
    }

    public Page<Interview> list(String establishmentId, Caller caller, Pageable pageable) {
        Criteria criteria = scope(caller);
        if (establishmentId != null && !establishmentId.isBlank()) {
            criteria = new Criteria().andOperator(criteria, Criteria.where("establishmentId").is(establishmentId));
        }
        Pageable ordered = pageable.getSort().isSorted() ? pageable
                : PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(),
                Sort.by(Sort.Order.desc("heldOn")));
        return store.page(new Query(criteria), PageRequest.of(ordered.getPageNumber(), ordered.getPageSize(),
                ordered.getSort().and(Sort.by(Sort.Order.desc("_id")))));
    }

    /** The interviews a caller may see, as a criterion. */
    static Criteria scope(Caller caller) {
        if (caller.hasAny(Roles.CITY_ADMIN, Roles.COCKPIT_VIEWER)) {
            return new Criteria();
        }
        if (caller.has(Roles.TOWN_OFFICER) && caller.townId() != null) {
            return Criteria.where("townId").is(caller.townId());
        }
        if (caller.has(Roles.DEPARTMENT_OFFICER) && caller.departmentId() != null) {
            return Criteria.where("departmentId").is(caller.departmentId());
        }
        throw new ForbiddenException("no interviews are in this caller's scope");
    }

    private static String role(Caller caller) {
        for (String role : List.of(Roles.CITY_ADMIN, Roles.TOWN_OFFICER, Roles.DEPARTMENT_OFFICER)) {
            if (caller.has(role)) {
                return role;
            }
        }
        return null;
    }
}
