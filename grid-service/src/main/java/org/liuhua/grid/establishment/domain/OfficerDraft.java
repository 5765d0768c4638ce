package org.liuhua.grid.establishment.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.liuhua.kit.domain.FieldProblem;

/**
 * A safety-role holder named in an establishment's registration ({@link EstablishmentDraft#officers()}): bound from
 * {@code since} (today when absent) exactly as {@code POST /api/v1/establishments/{id}/officers} binds one later.
 * Limits as there: person id ≤ 64 characters, name ≤ 100, workshop ≤ 64, a role of {@link OfficerBinding#ROLES}.
 */
public record OfficerDraft(String personId, String name, String role, String workshop, LocalDate since) {

    public static final int MAX_PER_REGISTRATION = 50;
    public static final int MAX_ID = 64;
    public static final int MAX_NAME = 100;

    public OfficerDraft {
        personId = blankToNull(personId);
        name = blankToNull(name);
        role = blankToNull(role);
        workshop = blankToNull(workshop);
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
            if (o.personId() == null) {
                problems.add(new FieldProblem(at + ".personId", "must not be blank"));
            } else if (o.personId().length() > MAX_ID) {
                problems.add(new FieldProblem(at + ".personId", "must be at most " + MAX_ID + " characters"));
            }
            if (o.name() == null) {
                problems.add(new FieldProblem(at + ".name", "must not be blank"));
            } else if (o.name().length() > MAX_NAME) {
                problems.add(new FieldProblem(at + ".name", "must be at most " + MAX_NAME + " characters"));
            }
            if (o.workshop() != null && o.workshop().length() > MAX_ID) {
                problems.add(new FieldProblem(at + ".workshop", "must be at most " + MAX_ID + " characters"));
            }
            if (o.role() == null || !OfficerBinding.ROLES.contains(o.role())) {
                problems.add(new FieldProblem(at + ".role", "must be one of " + OfficerBinding.ROLES));
            } else {
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

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
