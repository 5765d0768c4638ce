package org.liuhua.hazard;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** hazard-service: the hidden-hazard closed loop (识别、移交、整改、复核、查处、销号). */
@SpringBootApplication
@EnableConfigurationProperties(HazardProperties.class)
public class HazardServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(HazardServiceApplication.class, args);
    }
}
