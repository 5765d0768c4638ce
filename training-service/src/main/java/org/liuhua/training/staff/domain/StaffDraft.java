package org.liuhua.training.staff.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.liuhua.kit.domain.FieldProblem;
import org.liuhua.kit.domain.Text;

/**
 * A staff member as an enterprise enters them (one form, one batch item or one spreadsheet row): validated by
 * {@link #problems()} the same way for every input. The natural key within the establishment is the employee number,
 * or the (hashed) national ID when there is no number.
 */
public record StaffDraft(String employeeNo, String name, String role, String post, String workshop, String team,
                         String process, LocalDate hireDate, String nationalId, String phone) {

    public StaffDraft {
        employeeNo = Text.strippedOrNull(employeeNo);
        name = Text.strippedOrNull(name);
        role = Text.strippedOrNull(role);
        post = Text.strippedOrNull(post);
        workshop = Text.strippedOrNull(workshop);
        team = Text.strippedOrNull(team);
        process = Text.strippedOrNull(process);
        nationalId = Text.strippedOrNull(nationalId);
        phone = Text.strippedOrNull(phone);
    }

    public List<FieldProblem> problems() {
        List<FieldProblem> problems = new ArrayList<>();
        if (employeeNo != null && !employeeNo.matches("[A-Za-z0-9_-]{1,32}")) {
            problems.add(new FieldProblem("employeeNo", "use 1 to 32 letters, digits, '-' or '_'"));
        }
        if (employeeNo == null && nationalId == null) {
            problems.add(new FieldProblem("employeeNo", "an employee number or a national ID number is required"));
        }
        if (name == null) {
            problems.add(new FieldProblem("name", "is required"));
        } else if (name.length() > 64) {
            problems.add(new FieldProblem("name", "at most 64 characters"));
        }
        if (role == null) {
            problems.add(new FieldProblem("role", "is required: one of PRINCIPAL, SAFETY_MANAGER, SPECIAL_OPERATIONS,"
                    + " FRONT_LINE, DISPATCHED, INTERN"));
        } else if (StaffRole.parse(role) == null) {
            problems.add(new FieldProblem("role", "'" + role + "' is not one of PRINCIPAL, SAFETY_MANAGER,"
                    + " SPECIAL_OPERATIONS, FRONT_LINE, DISPATCHED, INTERN"));
        }
        if (post == null) {
            problems.add(new FieldProblem("post", "is required"));
        }
        if (hireDate == null) {
            problems.add(new FieldProblem("hireDate", "is required (yyyy-MM-dd)"));
        }
        if (nationalId != null && !IdentityNumber.valid(nationalId)) {
            problems.add(new FieldProblem("nationalId", "is not a valid 18-character ID number"));
        }
        if (phone != null && !phone.matches("\\+?[0-9][0-9 -]{5,19}")) {
            problems.add(new FieldProblem("phone", "is not a phone number"));
        }
        return problems;
    }

    public StaffRole staffRole() {
        return StaffRole.parse(role);
    }
}
