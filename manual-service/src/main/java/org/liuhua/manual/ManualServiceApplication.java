package org.liuhua.manual;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * manual-service: handbook templates, one-page cards, adoption by establishments and hazard-check lists (手册化,
 * M-1 … M-6).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ManualServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ManualServiceApplication.class, args);
    }
}
