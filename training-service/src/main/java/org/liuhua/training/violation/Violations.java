package org.liuhua.training.violation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.liuhua.kit.domain.InvalidInputException;
import org.liuhua.kit.time.CityCalendar;
import org.liuhua.training.certificate.Certificates;
import org.liuhua.training.establishment.Scope;
import org.liuhua.training.staff.Staffs;
import org.liuhua.training.staff.domain.Staff;
import org.liuhua.training.staff.domain.StaffRole;
import org.liuhua.training.staff.domain.StaffStatus;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Who works against the induction and certificate rules, within the caller's scope. */
@Service
public class Violations {

    public static final String INDUCTION = "INDUCTION";
    public static final String CERTIFICATE = "CERTIFICATE";

    private final Staffs staffs;
    private final Certificates certificates;
    private final CityCalendar calendar;

    Violations(Staffs staffs, Certificates certificates, CityCalendar calendar) {
        this.staffs = staffs;
        this.certificates = certificates;
        this.calendar = calendar;
    }

    public List<Violation> list(String establishmentId, String townId, String kind, Scope scope, Sort sort) {
        if (kind != null && !kind.equals(INDUCTION) && !kind.equals(CERTIFICATE)) {
            throw new InvalidInputException("kind", "is INDUCTION or CERTIFICATE, not '" + kind + "'");
        }
        List<Violation> found = new ArrayList<>();
        if (kind == null || kind.equals(INDUCTION)) {
            Criteria c = base(establishmentId, townId, scope).and("missingLevels.0").exists(true);
            for (Staff s : staffs.find(new Query(c))) {
                found.add(new Violation(INDUCTION, s.id(), s.name(), s.establishmentId(), s.townId(), s.role().name(),
                        s.post(), s.workshop(), s.missingLevels().stream().map(Enum::name).toList(),
                        s.inductionDueSince() == null ? s.hireDate() : s.inductionDueSince(),
                        "先培训、再上岗: all three induction levels (COMPANY, WORKSHOP, TEAM) passed before work,"
                                + " again after a post or process change"));
            }
        }
        if (kind == null || kind.equals(CERTIFICATE)) {
            List<Staff> workers = staffs.find(new Query(base(establishmentId, townId, scope).and("role")
                    .is(StaffRole.SPECIAL_OPERATIONS)));
            Set<String> certified = certificates.validHolders(workers, calendar.today());
            for (Staff s : workers) {
                if (!certified.contains(s.id())) {
                    found.add(new Violation(CERTIFICATE, s.id(), s.name(), s.establishmentId(), s.townId(),
                            s.role().name(), s.post(), s.workshop(), List.of(), null,
                            "特种作业人员持证上岗: a special-operations worker needs a valid certificate"));
                }
            }
        }
        found.sort(comparator(sort));
        return found;
    }

    private Criteria base(String establishmentId, String townId, Scope scope) {
        List<Criteria> all = new ArrayList<>();
        all.add(Criteria.where("status").is(StaffStatus.ACTIVE));
        Criteria scoped = scope.criteria("establishmentId", "_id");
        if (scoped != null) {
            all.add(scoped);
        }
        if (establishmentId != null) {
            all.add(Criteria.where("establishmentId").is(establishmentId));
        }
        if (townId != null) {
            all.add(Criteria.where("townId").is(townId));
        }
        return new Criteria().andOperator(all);
    }

    private static Comparator<Violation> comparator(Sort sort) {
        Comparator<Violation> order = null;
        for (Sort.Order o : sort) {
            Comparator<Violation> next = switch (o.getProperty()) {
                case "name" -> Comparator.comparing(Violation::name, Comparator.nullsLast(Comparator.naturalOrder()));
                case "since" -> Comparator.comparing(Violation::since, Comparator.nullsLast(Comparator.naturalOrder()));
                case "kind" -> Comparator.comparing(Violation::kind);
                default -> Comparator.comparing(Violation::establishmentId);
            };
            next = o.isDescending() ? next.reversed() : next;
            order = order == null ? next : order.thenComparing(next);
        }
        Comparator<Violation> byId = Comparator.comparing(Violation::staffId).thenComparing(Violation::kind);
        return order == null ? byId : order.thenComparing(byId);
    }
}
