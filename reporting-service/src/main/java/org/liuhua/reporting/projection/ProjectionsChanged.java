package org.liuhua.reporting.projection;

import java.util.Set;

/**
 * Published (as a Spring application event) by the projection runtime after a live batch has been applied: which
 * kinds of figures changed ("hazards", "grid", "training", "manual") and in which towns. The cockpit's push channel
 * turns it into change hints; widgets refetch.
 */
public record ProjectionsChanged(Set<String> kinds, Set<String> townIds) {
}
