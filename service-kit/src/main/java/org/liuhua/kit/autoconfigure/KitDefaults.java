package org.liuhua.kit.autoconfigure;

import org.liuhua.kit.config.ClasspathDefaults;

/**
 * Adds {@code liuhua-kit-defaults.properties} as the lowest-precedence property source: the settings every service
 * shares (CloudEvents serialization, idempotent producer, actuator exposure, log pattern with the trace id). A
 * service's own application.yml or the environment overrides any of them. The security settings come from kit-core
 * ({@code SecurityDefaults}), shared with the gateway.
 */
public class KitDefaults extends ClasspathDefaults {

    public KitDefaults() {
        super("liuhua-kit-defaults.properties");
    }
}
