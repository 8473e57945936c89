package io.esbridge.cli;

import java.nio.file.Path;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

import picocli.CommandLine.Option;

import io.esbridge.client.Brand;
import io.esbridge.client.BrandChoice;
import io.esbridge.client.BrandDetection;
import io.esbridge.client.Detection;
import io.esbridge.migrate.MigrationSource;
import io.esbridge.migrate.PlanMap;

/**
 * The source Enterprise Server of {@code migrate}, and of {@code check --from-url}: one set of options, so that the
 * check reads the source exactly as the migration will (same brand detection, same keys, same plan map).
 */
class SourceServerOptions {

    @Option(names = "--from-url", paramLabel = "URL", description = "The source Enterprise Server's base URL.")
    String fromUrl;

    @Option(
            names = "--from-brand",
            paramLabel = "BRAND",
            defaultValue = "auto",
            description = "The source's brand (solidcp, websitepanel, websitepanel-1, …), or auto (the default):"
                    + " read from the source's WSDL, and printed.")
    String fromBrand;

    @Option(
            names = "--source-name",
            paramLabel = "NAME",
            description = "Prefix of the records' keys (NAME:user:42); default: the source URL's host. Keep it the"
                    + " same on every run of one migration.")
    String sourceName;

    @Option(names = "--plan-map", paramLabel = "FILE", description = "'source plan=target plan' lines.")
    Path planMap;

    boolean given() {
        return fromUrl != null && !fromUrl.isBlank();
    }

    /** A sentence when --from-brand names no brand, else null. */
    String refusal() {
        if (fromBrand != null && !BrandChoice.AUTO_ID.equalsIgnoreCase(fromBrand.strip())) {
            try {
                Brand.fromId(fromBrand.strip());
            } catch (IllegalArgumentException e) {
                return "--from-brand: " + e.getMessage();
            }
        }
        return null;
    }

    /**
     * The source with its account from the settings, its brand read from its WSDL unless given (and printed).
     *
     * @throws RuntimeException with a sentence: unreachable, 401, not an Enterprise Server, no password
     */
    MigrationSource source(Environment environment, Output output) {
        Binder binder = Binder.get(environment);
        String username =
                binder.bind("es.migrate.source.username", String.class).orElse("serveradmin");
        String password =
                binder.bind("es.migrate.source.password", String.class).orElse(null);
        Brand brand;
        if (fromBrand == null || BrandChoice.AUTO_ID.equalsIgnoreCase(fromBrand.strip())) {
            // a wrong namespace on a real server provisions defaults silently: the source says what it is
            Detection detected = BrandDetection.detect(fromUrl, username, password);
            output.text("source: " + detected.line());
            brand = detected.brand();
        } else {
            brand = Brand.fromId(fromBrand.strip());
        }
        return new MigrationSource(fromUrl, brand, username, password, sourceName);
    }

    PlanMap plans() {
        return planMap == null ? PlanMap.none() : PlanMap.read(planMap);
    }
}
