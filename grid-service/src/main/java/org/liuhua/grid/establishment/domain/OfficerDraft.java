package org.liuhua.grid.establishment.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.liuhua.kit.domain.FieldProblem;
import org.liuhua.kit.domain.Text;

/**
 * A safety-role holder named in an establishment's registration ({@link EstablishmentDraft#officers()}): bound from
 * {@code since} (today when absent) exactly as {@code POST /api/v1/establishments/{id}/officers} binds one later.
 * Also the body of that request. Limits: person id ≤ 64 characters, name ≤ 100, workshop ≤ 64, a role of
 * {@link OfficerBinding#ROLES}.
 *
 * @param since the date the binding starts (local date); today when absent — lets the archive be filled in afterwards
 *              (人员调整动态报备)
 */
public record OfficerDraft(String personId, String name, String role, String workshop, LocalDate since) {

    public static final int MAX_PER_REGISTRATION = 50;
    public static final int MAX_ID = 64;
    public static final int MAX_NAME = 100;

    public OfficerDraft {
        personId = Text.strippedOrNull(personId);
        name = Text.strippedOrNull(name);
        role = Text.strippedOrNull(role);
        workshop = Text.strippedOrNull(workshop);
    }

    /** The problems of a registration's officers, named {@code officers[i].<field>}. */
    static List<FieldProblem> problems(String field, List<OfficerDraft> officers) {
        List<FieldProblem> problems = new ArrayList<>();
        if (officers.size() > MAX_PER_REGISTRATION) {
            problems.add(new FieldProblem(field, "must hold at most " + MAX_PER_REGISTRATION + " officers"));
            return problems;
        }
        Map<String, Integer> holders = new HashMap<>();
        for (int i = 0; i < officers.size(); i++) {
            String at = field + "[" + i + "]";
            OfficerDraft o = officers.get(i);
            if (o == null) {
                problems.add(new FieldProblem(at, "is empty"));
                continue;
            }
            problems.addAll(o.problems(at + "."));
            if (o.hasRole()) {
                // one holder per role (and workshop) at a time, as a binding replaces the one before
                Integer first = holders.putIfAbsent(o.role() + "\u0000" + Objects.toString(o.workshop(), ""), i);
                if (first != null) {
                    problems.add(new FieldProblem(at + ".role", o.role() + (o.workshop() == null ? ""
                            : " of workshop " + o.workshop()) + " is named already by " + field + "[" + first
                            + "]; one person holds it at a time"));
                }
            }
        }
        return problems;
    }

    /**
     * The problems of this holder alone, each named {@code prefix} + field: {@code POST …/officers} names them
     * {@code personId}, a registration {@code officers[i].personId}. (A second holder of the same role is the
     * registration's problem, see {@link #problems(String, List)}.)
     */
    public List<FieldProblem> problems(String prefix) {
        List<FieldProblem> problems = new ArrayList<>();
        if (personId == null) {
            problems.add(new FieldProblem(prefix + "personId", "must not be blank"));
        } else if (personId.length() > MAX_ID) {
            problems.add(new FieldProblem(prefix + "personId", "must be at most " + MAX_ID + " characters"));
        }
        if (name == null) {
            problems.add(new FieldProblem(prefix + "name", "must not be blank"));
        } else if (name.length() > MAX_NAME) {
            problems.add(new FieldProblem(prefix + "name", "must be at most " + MAX_NAME + " characters"));
        }
        if (workshop != null && workshop.length() > MAX_ID) {
            problems.add(new FieldProblem(prefix + "workshop", "must be at most " + MAX_ID + " characters"));
        }
        if (!hasRole()) {
            problems.add(new FieldProblem(prefix + "role", "must be one of " + OfficerBinding.ROLES));
        }
        return problems;
    }

    private boolean hasRole() {
        return role != null && OfficerBinding.ROLES.contains(role);
    }
}
