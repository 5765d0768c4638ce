package org.liuhua.platform.demo;

import java.util.Random;

/** The demo city of docs/demo-city.md, generated from a seed. */
public final class DemoCity {

    private final Random random;

    public DemoCity(long seed) {
        this.random = new Random(seed);
    }

    public Summary load(DemoApi api) {
        return new Summary(0, 0, 0, 0, 0);
    }

    public record Summary(int towns, int establishments, int inspectors, int patrols, int hazards) {
    }
}
