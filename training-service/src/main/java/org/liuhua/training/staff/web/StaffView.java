package org.liuhua.training.staff.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.liuhua.training.establishment.Scope;
import org.liuhua.training.staff.domain.Induction;
import org.liuhua.training.staff.domain.PostChange;
import org.liuhua.training.staff.domain.Staff;

/**
 * One staff member as the caller may see them: the national ID only masked, the phone only for the establishment
 * itself, the person and the city (null otherwise).
 */
public record StaffView(String id, String establishmentId, String townId, String employeeNo, String name, String role,
                        String post, String workshop, String team, String process, LocalDate hireDate, String status,
                        LocalDate leftOn, String nationalIdMasked, String phone, List<String> missingInductionLevels,
                        LocalDate inductionDueSince, List<PostChange> history, List<Induction> inductions,
                        Instant registeredAt, Instant changedAt) {

    public static StaffView of(Staff s, Scope scope) {
        return new StaffView(s.id(), s.establishmentId(), s.townId(), s.employeeNo(), s.name(), s.role().name(),
                s.post(), s.workshop(), s.team(), s.process(), s.hireDate(), s.status().name(), s.leftOn(),
                s.nationalIdMasked(), scope.seesPhone(s.establishmentId(), s.id()) ? s.phone() : null,
                s.missingLevels().stream().map(Enum::name).toList(), s.inductionDueSince(), s.history(),
                s.inductions(), s.registeredAt(), s.changedAt());
    }

    /** A list item: no history, no inductions. */
    public record Summary(String id, String establishmentId, String townId, String employeeNo, String name,
                          String role, String post, String workshop, String team, LocalDate hireDate, String status,
                          String phone, List<String> missingInductionLevels) {

        public static Summary of(Staff s, Scope scope) {
            return new Summary(s.id(), s.establishmentId(), s.townId(), s.employeeNo(), s.name(), s.role().name(),
                    s.post(), s.workshop(), s.team(), s.hireDate(), s.status().name(),
                    scope.seesPhone(s.establishmentId(), s.id()) ? s.phone() : null,
                    s.missingLevels().stream().map(Enum::name).toList());
        }
    }
}
