package io.esbridge;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import io.esbridge.cli.Cli;

/**
 * es-bridge: billing feeds in, Enterprise Server provisioning out. The command line is in {@code io.esbridge.cli},
 * which is handed this class to boot rather than importing it: the dependency runs one way, from here to {@code cli}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class EsBridgeApplication {

    public static void main(String[] args) {
        int exitCode = Cli.run(EsBridgeApplication.class, args);
        if (!Cli.serving() || exitCode != 0) {
            System.exit(exitCode);
        }
    }
}
