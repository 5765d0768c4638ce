package org.liuhua.hazard;

import org.liuhua.hazard.hazard.HazardProperties;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** hazard-service: the hidden-hazard closed loop (识别、移交、整改、复核、查处、销号). */
@SpringBootApplication
@EnableConfigurationProperties(HazardProperties.class)
public class HazardServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(HazardServiceApplication.class, args);
    }

    /** The escalation scheduler; off with {@code liuhua.hazard.escalation.enabled=false}. */
    @Configuration(proxyBeanMethods = false)
    @EnableScheduling
    @ConditionalOnProperty(name = "liuhua.hazard.escalation.enabled", havingValue = "true", matchIfMissing = true)
    static class Scheduling {
    }
}
