package org.liuhua.kit.autoconfigure;

import java.io.IOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds {@code liuhua-kit-defaults.properties} as the lowest-precedence property source: the settings every service
 * shares (CloudEvents serialization, idempotent producer, actuator exposure, log pattern with the trace id). A
 * service's own application.yml or the environment overrides any of them.
 */
public class KitDefaults implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            for (PropertySource<?> source : new PropertiesPropertySourceLoader()
                    .load("liuhua-kit-defaults", new ClassPathResource("liuhua-kit-defaults.properties"))) {
                environment.getPropertySources().addLast(source);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read liuhua-kit-defaults.properties", e);
        }
    }
}
