package org.liuhua.manual.establishment.domain;

import java.util.List;

/**
 * manual-service's copy of an establishment of grid-service's registry, kept from grid events (never by calling
 * grid-service): enough to scope handbooks and checklist runs and to choose the templates and checklist items of its
 * industry and flags. The copy with the highest {@code revision} wins.
 */
public record KnownEstablishment(String id, String name, String kind, String industry, String departmentId,
                                 String townId, String unitId, List<String> flags, String clusterId, long revision) {

    public KnownEstablishment {
        flags = flags == null ? List.of() : List.copyOf(flags);
    }

    /** Whether a template or checklist item that applies to these industries and flags applies here. */
    public boolean matches(List<String> industries, List<String> anyOfFlags) {
        boolean industryMatches = industries != null && industries.contains(industry);
        boolean flagMatches = anyOfFlags != null && anyOfFlags.stream().anyMatch(flags::contains);
        return industryMatches || flagMatches;
    }
}
