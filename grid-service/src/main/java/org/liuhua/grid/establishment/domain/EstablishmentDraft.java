package org.liuhua.grid.establishment.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.liuhua.kit.domain.FieldProblem;
import org.liuhua.kit.domain.Text;

/**
 * What a caller says about an establishment, from JSON, a batch item or a spreadsheet row. {@link #problems()} is
 * the one validation of all three paths; references (unit, town, department) are resolved by the application
 * into a {@link Placement}. Limits: name ≤ 100 characters, address ≤ 200, ids ≤ 64, industry ≤ 50, at most 50 flag
 * codes (each ≤ 64, {@code A-Z0-9_}), employees ≤ 1,000,000, workshops ≤ 1,000, at most 200 {@link Post posts}
 * (岗位/班组; the problems name {@code posts[i].<field>}), at most 50 {@link OfficerDraft officers} bound with the
 * registration (only when registering: a change binds them with the officers' own requests, which keep the archive).
 */
public record EstablishmentDraft(String id, String name, String kind, String industry, String departmentId,
                                 String townId, String unitId, String riskLevel, List<String> flags,
                                 Integer employeeCount, Integer workshops, String address, Double latitude,
                                 Double longitude, String landlordId, String clusterId, List<Post> posts,
                                 List<OfficerDraft> officers) {

    public static final List<String> KINDS = List.of("INDUSTRIAL", "KEY_SECTOR", "MIXED_USE_BUILDING", "SMALL_VENUE",
            "RESIDENTIAL");
    public static final List<String> RISK_LEVELS = List.of("MAJOR", "SIGNIFICANT", "GENERAL", "LOW");
    public static final int MAX_NAME = 100;
    public static final int MAX_ADDRESS = 200;
    public static final int MAX_ID = 64;
    public static final int MAX_CODE = 50;
    public static final int MAX_FLAGS = 50;
    public static final int MAX_EMPLOYEES = 1_000_000;
    public static final int MAX_WORKSHOPS = 1_000;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern FLAG = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

    public EstablishmentDraft {
        flags = flags == null ? List.of() : flags.stream().map(String::trim).filter(f -> !f.isEmpty()).distinct()
                .sorted().toList();
        id = Text.strippedOrNull(id);
        industry = Text.strippedOrNull(industry);
        departmentId = Text.strippedOrNull(departmentId);
        townId = Text.strippedOrNull(townId);
        unitId = Text.strippedOrNull(unitId);
        address = Text.strippedOrNull(address);
        landlordId = Text.strippedOrNull(landlordId);
        clusterId = Text.strippedOrNull(clusterId);
        posts = Post.normalised(posts);
        officers = officers == null ? List.of() : java.util.Collections.unmodifiableList(new ArrayList<>(officers));
    }

    public List<FieldProblem> problems() {
        List<FieldProblem> problems = new ArrayList<>();
        if (id != null && !ID.matcher(id).matches()) {
            problems.add(new FieldProblem("id", "must be 1-64 letters, digits, '.', '_' or '-'"));
        }
        if (name == null || name.isBlank()) {
            problems.add(new FieldProblem("name", "must not be blank"));
        } else if (name.length() > MAX_NAME) {
            problems.add(new FieldProblem("name", "must be at most " + MAX_NAME + " characters"));
        }
        atMost("industry", industry, MAX_CODE, problems);
        atMost("departmentId", departmentId, MAX_ID, problems);
        atMost("townId", townId, MAX_ID, problems);
        atMost("unitId", unitId, MAX_ID, problems);
        atMost("address", address, MAX_ADDRESS, problems);
        atMost("landlordId", landlordId, MAX_ID, problems);
        atMost("clusterId", clusterId, MAX_ID, problems);
        if (flags.size() > MAX_FLAGS) {
            problems.add(new FieldProblem("flags", "must hold at most " + MAX_FLAGS + " flags"));
        }
        if (employeeCount != null && employeeCount > MAX_EMPLOYEES) {
            problems.add(new FieldProblem("employeeCount", "must be at most " + MAX_EMPLOYEES));
        }
        if (workshops != null && workshops > MAX_WORKSHOPS) {
            problems.add(new FieldProblem("workshops", "must be at most " + MAX_WORKSHOPS));
        }
        if (id != null && id.equals(landlordId)) {
            problems.add(new FieldProblem("landlordId", "must name another establishment"));
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
        for (int i = 0; i < flags.size() && i < MAX_FLAGS; i++) {
            if (!FLAG.matcher(flags.get(i)).matches()) {
                problems.add(new FieldProblem("flags", "'" + printable(flags.get(i))
                        + "' is not a flag code (e.g. METAL_SMELTING)"));
            }
        }
        problems.addAll(Post.problems("posts", posts));
        problems.addAll(OfficerDraft.problems("officers", officers));
        return problems;
    }

    private static void atMost(String field, String value, int max, List<FieldProblem> problems) {
        if (value != null && value.length() > max) {
            problems.add(new FieldProblem(field, "must be at most " + max + " characters"));
        }
    }

    private static String printable(String value) {
        return value.length() > 64 ? value.substring(0, 64) + "…" : value;
    }
}
