package org.liuhua.reporting.projection;

/**
 * One generation of the read models. Every collection a projector writes carries the generation in its name
 * ({@code hazard_facts_v3}), so a rebuild can fill generation N+1 beside the live generation N and switch when it has
 * caught up (ADR 9).
 */
public record ProjectionSpace(int version) {

    public ProjectionSpace {
        if (version < 1) {
            throw new IllegalArgumentException("a projection generation starts at 1");
        }
    }

    /** The collection of this generation for a base name: {@code hazard_facts} → {@code hazard_facts_v3}. */
    public String collection(String base) {
        return base + "_v" + version;
    }

    /** The consumer group that fills this generation. */
    public String consumerGroup(String serviceGroup) {
        return serviceGroup + "-v" + version;
    }

    public ProjectionSpace next() {
        return new ProjectionSpace(version + 1);
    }
}
