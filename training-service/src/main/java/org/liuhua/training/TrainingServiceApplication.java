package org.liuhua.training;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.EnableScheduling;

/** training-service: every employee trained, examined and certified (全员化, T-1 … T-7). */
@SpringBootApplication
@EnableScheduling
@EnableConfigurationProperties(TrainingProperties.class)
public class TrainingServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(TrainingServiceApplication.class, args);
    }
}
