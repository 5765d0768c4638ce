package org.liuhua.bench;

import java.time.Duration;

/** Benchmark settings from system properties ({@code -Dbench.…}), with the defaults documented in the README. */
final class Config {

    private Config() {
    }

    static int integer(String name, int fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }

    static Duration seconds(String name, int fallbackSeconds) {
        return Duration.ofSeconds(integer(name, fallbackSeconds));
    }

    static String text(String name, String fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    static boolean flag(String name) {
        return Boolean.parseBoolean(System.getProperty(name, "false"));
    }
}
