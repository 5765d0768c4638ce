package org.liuhua.grid.establishment.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.liuhua.kit.domain.FieldProblem;

/**
 * What a caller says about an establishment, from JSON, a batch item or a spreadsheet row. {@link #problems()} is
 * the one validation of all three paths; references (unit, town, department) are resolved by the application
 * into a {@link Placement}.
 */
public record EstablishmentDraft(String id, String name, String kind, String industry, String departmentId,
                                 String townId, String unitId, String riskLevel, List<String> flags,
                                 Integer employeeCount, Integer workshops, String address, Double latitude,
                                 Double longitude, String landlordId, String clusterId) {

    public static final List<String> KINDS = List.of("INDUSTRIAL", "KEY_SECTOR", "MIXED_USE_BUILDING", "SMALL_VENUE",
            "RESIDENTIAL");
    public static final List<String> RISK_LEVELS = List.of("MAJOR", "SIGNIFICANT", "GENERAL", "LOW");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern FLAG = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

    public EstablishmentDraft {
        flags = flags == null ? List.of() : flags.stream().map(String::trim).filter(f -> !f.isEmpty()).distinct()
                .sorted().toList();
        id = blankToNull(id);
        industry = blankToNull(industry);
        departmentId = blankToNull(departmentId);
        townId = blankToNull(townId);
        unitId = blankToNull(unitId);
        address = blankToNull(address);
        landlordId = blankToNull(landlordId);
        clusterId = blankToNull(clusterId);
    }

    public List<FieldProblem> problems() {
        List<FieldProblem> problems = new ArrayList<>();
        if (id != null && !ID.matcher(id).matches()) {
            problems.add(new FieldProblem("id", "must be 1-64 letters, digits, '.', '_' or '-'"));
        }
        if (name == null || name.isBlank()) {
            problems.add(new FieldProblem("name", "must not be blank"));
        } else if (name.length() > 200) {
            problems.add(new FieldProblem("name", "must be at most 200 characters"));
        }
        if (kind == null || !KINDS.contains(kind)) {
            problems.add(new FieldProblem("kind", "must be one of " + KINDS));
        }
        if (riskLevel == null || !RISK_LEVELS.contains(riskLevel)) {
            problems.add(new FieldProblem("riskLevel", "must be one of " + RISK_LEVELS));
        }
        if (departmentId == null) {
            problems.add(new FieldProblem("departmentId", "must not be blank (every establishment has one)"));
        }
        if (unitId == null && townId == null) {
            problems.add(new FieldProblem("townId", "give townId or unitId"));
        }
        if (employeeCount != null && employeeCount < 0) {
            problems.add(new FieldProblem("employeeCount", "must not be negative"));
        }
        if (workshops != null && workshops < 0) {
            problems.add(new FieldProblem("workshops", "must not be negative"));
        }
        if (latitude != null && (latitude < -90 || latitude > 90)) {
            problems.add(new FieldProblem("latitude", "must be between -90 and 90"));
        }
        if (longitude != null && (longitude < -180 || longitude > 180)) {
            problems.add(new FieldProblem("longitude", "must be between -180 and 180"));
        }
        if ((latitude == null) != (longitude == null)) {
            problems.add(new FieldProblem(latitude == null ? "latitude" : "longitude",
                    "give both coordinates or none"));
        }
        for (String flag : flags) {
            if (!FLAG.matcher(flag).matches()) {
                problems.add(new FieldProblem("flags", "'" + flag + "' is not a flag code (e.g. METAL_SMELTING)"));
            }
        }
        return problems;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
