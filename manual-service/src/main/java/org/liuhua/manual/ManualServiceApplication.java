package org.liuhua.manual;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ManualServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ManualServiceApplication.class, args);
    }
}
