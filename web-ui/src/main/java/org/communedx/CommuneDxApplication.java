package org.communedx;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The tracker. It sits at the root package so that scanning covers the model, service and web modules. */
@SpringBootApplication
public class CommuneDxApplication {

    public static void main(String[] args) {
        SpringApplication.run(CommuneDxApplication.class, args);
    }
}
