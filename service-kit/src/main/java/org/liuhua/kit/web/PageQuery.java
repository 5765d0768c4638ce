package org.liuhua.kit.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.liuhua.kit.domain.FieldProblem;
import org.liuhua.kit.domain.InvalidInputException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * {@code page}, {@code size} and {@code sort} of a list request, checked: page ≥ 0, 1 ≤ size ≤ {@link #MAX_SIZE},
 * sort fields only from the list's {@link SortableBy whitelist}. A controller takes it as a parameter annotated with
 * {@link SortableBy}; {@link PageQueryResolver} builds it from the query string, so every list reads the same
 * parameters, enforces the same maximum and names the parameter in a 400.
 */
public record PageQuery(int page, int size, Sort sort) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;

    public PageQuery {
        sort = sort == null ? Sort.unsorted() : sort;
    }

    public Pageable pageable() {
        return PageRequest.of(page, size, sort);
    }

    /** Reads the raw parameters; every problem is reported at once, each naming its parameter. */
    public static PageQuery parse(String page, String size, List<String> sort, SortableBy rules) {
        List<FieldProblem> problems = new ArrayList<>();
        int pageNumber = integer("page", page, 0, problems);
        int defaultSize = rules == null ? DEFAULT_SIZE : rules.defaultSize();
        int pageSize = integer("size", size, defaultSize, problems);
        if (pageNumber < 0) {
            problems.add(new FieldProblem("page", "must be 0 or more"));
        }
        if (pageSize < 1 || pageSize > MAX_SIZE) {
            problems.add(new FieldProblem("size", "must be between 1 and " + MAX_SIZE));
        } else if ((long) pageNumber * pageSize > Integer.MAX_VALUE) {
            // the store skips page × size documents, an int in the driver
            problems.add(new FieldProblem("page", "must be at most " + Integer.MAX_VALUE / pageSize
                    + " for pages of " + pageSize));
        }
        List<String> allowed = rules == null ? List.of() : Arrays.asList(rules.value());
        List<String> orders = sort == null || sort.isEmpty() || sort.stream().allMatch(String::isBlank)
                ? defaults(rules) : sort;
        List<Sort.Order> parsed = new ArrayList<>();
        for (int i = 0; i < orders.size(); i++) {
            if (hasControlCharacters(orders.get(i))) {
                problems.add(new FieldProblem("sort", "must not contain control characters: '"
                        + printable(orders.get(i)) + "'"));
                continue;
            }
            String spec = orders.get(i).trim();
            if (spec.isEmpty()) {
                continue;
            }
            String[] parts = spec.split(",");
            String field = parts[0].trim();
            if (!allowed.contains(field)) {
                problems.add(new FieldProblem("sort", "cannot sort by '" + printable(field) + "'; sortable: "
                        + (allowed.isEmpty() ? "nothing" : String.join(", ", allowed))));
                continue;
            }
            if (parts.length > 2) {
                problems.add(new FieldProblem("sort", "use field,asc or field,desc"));
                continue;
            }
            String direction = parts.length == 2 ? parts[1].trim().toLowerCase() : "asc";
            if (!direction.equals("asc") && !direction.equals("desc")) {
                problems.add(new FieldProblem("sort", "direction must be asc or desc, not '" + printable(direction)
                        + "'"));
                continue;
            }
            parsed.add(direction.equals("asc") ? Sort.Order.asc(field) : Sort.Order.desc(field));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new PageQuery(pageNumber, pageSize, Sort.by(parsed));
    }

    /** The first page of the default size and order (for callers outside HTTP). */
    public static PageQuery first(SortableBy rules) {
        return parse(null, null, null, rules);
    }

    private static List<String> defaults(SortableBy rules) {
        if (rules == null || rules.byDefault().isBlank()) {
            return List.of();
        }
        return Arrays.asList(rules.byDefault().split(";"));
    }

    private static int integer(String name, String raw, int fallback, List<FieldProblem> problems) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        if (hasControlCharacters(raw)) {
            problems.add(new FieldProblem(name, "must be a whole number, not '" + printable(raw) + "'"));
            return fallback;
        }
        try {
            return Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(name, "must be a whole number, not '" + printable(raw) + "'"));
            return fallback;
        }
    }

    /** Refused rather than trimmed away: a NUL or other control character in a parameter is never meant. */
    private static boolean hasControlCharacters(String raw) {
        return raw.chars().anyMatch(Character::isISOControl);
    }

    private static String printable(String raw) {
        String cut = raw.length() > 40 ? raw.substring(0, 40) + "…" : raw;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
