package org.liuhua.grid;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** grid-service: where and who — region tree, patrol units, establishments, inspectors, patrols (网格化 + 实体化). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GridServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(GridServiceApplication.class, args);
    }
}
