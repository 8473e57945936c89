package io.esbridge.cli;

import java.nio.file.Path;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import io.esbridge.client.Brand;
import io.esbridge.client.BrandChoice;
import io.esbridge.client.BrandDetection;
import io.esbridge.client.Detection;
import io.esbridge.migrate.Migration;
import io.esbridge.migrate.MigrationReport;
import io.esbridge.migrate.MigrationSource;
import io.esbridge.migrate.PlanMap;
import io.esbridge.migrate.SourceReadException;

/**
 * Migration from another Enterprise Server of the family: reads the whole source and provisions it on the target,
 * keyed by source ids, so that running it again applies only what changed on the source.
 */
@Command(
        name = "migrate",
        mixinStandardHelpOptions = true,
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK_LINE, ExitCodes.SOME_FAILED_LINE, ExitCodes.COULD_NOT_RUN_LINE},
        description = "Read another Enterprise Server (users, spaces, add-ons, plans with quotas) and provision it on"
                + " the target (es.server.*); source credentials from es.migrate.source.username/password or"
                + " ES_MIGRATE_SOURCE_PASSWORD. Repeatable: a second run writes only what changed.")
public class MigrateCommand extends OneShotCommand {

    @Option(names = "--from-url", required = true, paramLabel = "URL", description = "The source's base URL.")
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

    @Override
    Integer refuse() {
        if (fromBrand != null && !"auto".equalsIgnoreCase(fromBrand.strip())) {
            try {
                Brand.fromId(fromBrand.strip());
            } catch (IllegalArgumentException e) {
                output.problem("--from-brand: " + e.getMessage());
                return ExitCodes.COULD_NOT_RUN;
            }
        }
        return null;
    }

    @Override
    int run(ConfigurableApplicationContext app) {
        Environment environment = app.getEnvironment();
        Binder binder = Binder.get(environment);
        MigrationSource source;
        PlanMap map;
        try {
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
            source = new MigrationSource(fromUrl, brand, username, password, sourceName);
            map = planMap == null ? PlanMap.none() : PlanMap.read(planMap);
        } catch (RuntimeException e) {
            output.problem("es-bridge migrate: " + e.getMessage());
            return ExitCodes.COULD_NOT_RUN;
        }
        MigrationReport report;
        try {
            report = app.getBean(Migration.class).migrate(source, map);
        } catch (SourceReadException e) {
            output.problem("es-bridge migrate: " + e.getMessage());
            return ExitCodes.COULD_NOT_RUN;
        }
        output.text(report.read().line());
        for (MigrationReport.StageRun stage : report.stages()) {
            printFailures(app, stage.report().runId());
            output.text(stage.stage() + ": " + stage.report().summary());
        }
        report.replays().forEach(replay -> {
            printFailures(app, replay.runId());
            output.text("after all stages, " + replay.summary());
        });
        report.planNotes().forEach(note -> output.text("note: " + note));
        if (!report.generatedPasswords().isEmpty()) {
            output.text("users created with a generated password (the source gave none; send them a reset): "
                    + String.join(", ", report.generatedPasswords()));
        }
        return report.clean() ? ExitCodes.OK : ExitCodes.SOME_FAILED;
    }
}
