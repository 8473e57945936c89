package io.esbridge;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** es-bridge: billing feeds in, Enterprise Server provisioning out. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class EsBridgeApplication {

    public static void main(String[] args) {
        SpringApplication.run(EsBridgeApplication.class, args);
    }
}
