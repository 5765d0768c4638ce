package org.liuhua.reporting.cockpit.domain;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the cockpit's push channel tells a page: which kinds of figures changed ("hazards", "grid", "training",
 * "manual") and in which towns. A hint carries no figure: the page refetches what it shows through the statistics
 * API, which cuts every answer to the caller's scope. An empty town set means "any town" (e.g. after a rebuild
 * switched the read models).
 */
public record ChangeHint(Set<String> kinds, Set<String> townIds) {

    public ChangeHint {
        kinds = kinds == null ? Set.of() : Set.copyOf(new TreeSet<>(kinds));
        townIds = townIds == null ? Set.of() : Set.copyOf(new TreeSet<>(townIds));
    }

    /** The hint as one town's officer may see it: only when it concerns that town, and naming no other town. */
    public Optional<ChangeHint> forTown(String townId) {
        if (townIds.isEmpty()) {
            return Optional.of(this);
        }
        return townIds.contains(townId) ? Optional.of(new ChangeHint(kinds, Set.of(townId))) : Optional.empty();
    }

    /** Two hints in one (the channel coalesces bursts). */
    public ChangeHint merge(ChangeHint other) {
        if (townIds.isEmpty() || other.townIds.isEmpty()) {
            return new ChangeHint(union(kinds, other.kinds), Set.of());
        }
        return new ChangeHint(union(kinds, other.kinds), union(townIds, other.townIds));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
