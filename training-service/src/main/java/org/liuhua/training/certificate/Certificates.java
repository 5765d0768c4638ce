package org.liuhua.training.certificate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.liuhua.kit.domain.ConflictException;
import org.liuhua.kit.domain.InvalidInputException;
import org.liuhua.kit.domain.NotFoundException;
import org.liuhua.kit.security.Caller;
import org.liuhua.kit.store.AggregateStore;
import org.liuhua.kit.time.CityCalendar;
import org.liuhua.training.Hmac;
import org.liuhua.training.establishment.Scope;
import org.liuhua.training.certificate.domain.Certificate;
import org.liuhua.training.certificate.domain.CertificateReminder;
import org.liuhua.training.staff.Staffs;
import org.liuhua.training.staff.domain.Staff;
import org.liuhua.training.staff.domain.StaffRole;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Certificates of the certified roles (T-4), their validity, and the establishments' reminder inbox. */
@Service
public class Certificates {

    private final AggregateStore<Certificate> store;
    private final AggregateStore<CertificateReminder> reminders;
    private final Staffs staffs;
    private final CityCalendar calendar;

    Certificates(AggregateStore<Certificate> store, AggregateStore<CertificateReminder> reminders, Staffs staffs,
                 CityCalendar calendar) {
        this.store = store;
        this.reminders = reminders;
        this.staffs = staffs;
        this.calendar = calendar;
    }

    public Certificate register(String staffId, String role, String category, String number, String issuer,
                                LocalDate issuedOn, LocalDate expiresOn, Scope scope, Caller by) {
        if (staffId == null) {
            throw new InvalidInputException("staffId", "is required");
        }
        Staff staff = staffs.get(staffId, scope);
        staffs.keptEstablishment(staff.establishmentId(), scope);
        StaffRole certified = role == null ? staff.role() : StaffRole.parse(role);
        if (role != null && certified == null) {
            throw new InvalidInputException("role", "'" + role + "' is not a staff role");
        }
        String id = "crt-" + Hmac.hex("certificate", staffId + "|" + (number == null ? "" : number.trim()))
                .substring(0, 20);
        Certificate certificate = Certificate.register(id, staff.id(), staff.establishmentId(), staff.townId(),
                certified, category, number, issuer, issuedOn, expiresOn, calendar.now(), by.signature());
        try {
            store.insert(certificate);
        } catch (DuplicateKeyException duplicate) {
            throw new ConflictException("certificate " + number + " of " + staffId + " is registered already ("
                    + id + ")", "REGISTERED", List.of());
        }
        for (Certificate older : store.find(new Query(Criteria.where("staffId").is(staffId).and("status")
                .is(Certificate.Status.ACTIVE)))) {
            if (!older.id().equals(id) && older.category().equals(certificate.category())
                    && older.expiresOn().isBefore(certificate.expiresOn())) {
                store.change(older.id(), "certificate", c -> c.supersede(id) ? c : AggregateStore.NO_CHANGE);
            }
        }
        return certificate;
    }

    public Certificate get(String id, Scope scope) {
        Certificate c = store.get(id, "certificate");
        if (!scope.covers(c.establishmentId(), c.staffId())) {
            throw new NotFoundException("certificate", id);
        }
        return c;
    }

    public Page<Certificate> list(String establishmentId, String townId, String staffId, Integer expiringWithinDays,
                                  Scope scope, Pageable pageable) {
        List<Criteria> all = new ArrayList<>();
        Criteria scoped = scope.criteria("establishmentId", "staffId");
        if (scoped != null) {
            all.add(scoped);
        }
        if (establishmentId != null) {
            all.add(Criteria.where("establishmentId").is(establishmentId));
        }
        if (townId != null) {
            all.add(Criteria.where("townId").is(townId));
        }
        if (staffId != null) {
            all.add(Criteria.where("staffId").is(staffId));
        }
        if (expiringWithinDays != null) {
            all.add(Criteria.where("status").is(Certificate.Status.ACTIVE).and("expiresOn")
                    .lte(calendar.today().plusDays(expiringWithinDays)));
        }
        return store.page(all.isEmpty() ? new Query() : new Query(new Criteria().andOperator(all)), pageable);
    }

    /** The people among {@code staffIds} holding a certificate valid on {@code day} for their current role. */
    public Set<String> validHolders(Collection<Staff> people, LocalDate day) {
        if (people.isEmpty()) {
            return Set.of();
        }
        Map<String, StaffRole> roles = people.stream().collect(Collectors.toMap(Staff::id, Staff::role));
        return store.find(new Query(Criteria.where("staffId").in(roles.keySet()).and("status")
                        .is(Certificate.Status.ACTIVE))).stream()
                .filter(c -> c.validOn(day) && c.role() == roles.get(c.staffId()))
                .map(Certificate::staffId).collect(Collectors.toSet());
    }

    public Page<CertificateReminder> inbox(String establishmentId, Boolean unread, Scope scope, Pageable pageable) {
        List<Criteria> all = new ArrayList<>();
        Criteria scoped = scope.criteria("establishmentId", "staffId");
        if (scoped != null) {
            all.add(scoped);
        }
        if (establishmentId != null) {
            all.add(Criteria.where("establishmentId").is(establishmentId));
        }
        if (Boolean.TRUE.equals(unread)) {
            all.add(Criteria.where("acknowledgedAt").is(null));
        }
        return reminders.page(all.isEmpty() ? new Query() : new Query(new Criteria().andOperator(all)), pageable);
    }

    public CertificateReminder acknowledge(String reminderId, Scope scope, Caller by) {
        CertificateReminder reminder = reminders.get(reminderId, "reminder");
        if (!scope.covers(reminder.establishmentId()) || !scope.mayKeep(reminder.establishmentId())) {
            throw new NotFoundException("reminder", reminderId);
        }
        return reminders.change(reminderId, "reminder", r -> {
            r.acknowledge(by.signature(), calendar.now());
            return r;
        });
    }

    /**
     * One sweep: every ACTIVE certificate expiring within the largest threshold gets the reminder due today, insert
     * first (a reminder that exists already is not sent again).
     *
     * @return reminders sent by this sweep
     */
    public int sendDueReminders(List<Integer> thresholds) {
        LocalDate today = calendar.today();
        int horizon = thresholds.stream().max(Integer::compare).orElse(0);
        int sent = 0;
        for (Certificate c : store.find(new Query(Criteria.where("status").is(Certificate.Status.ACTIVE)
                .and("expiresOn").lte(today.plusDays(horizon))))) {
            Integer threshold = c.dueReminder(today, thresholds);
            if (threshold == null || reminders.exists(new Query(Criteria.where("_id")
                    .is(CertificateReminder.idFor(c.id(), threshold))))) {
                continue;
            }
            try {
                reminders.insert(CertificateReminder.of(c, threshold, today, calendar.now()));
                sent++;
            } catch (DuplicateKeyException sentElsewhere) {
                // another replica or an earlier run sent it
            }
        }
        return sent;
    }
}
