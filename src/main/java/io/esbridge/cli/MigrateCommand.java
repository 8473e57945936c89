package io.esbridge.cli;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

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

    @Mixin
    SourceServerOptions from;

    @Override
    Integer refuse() {
        if (!from.given()) {
            output.problem("es-bridge migrate: --from-url is required: the source Enterprise Server's base URL");
            return ExitCodes.COULD_NOT_RUN;
        }
        String refused = from.refusal();
        if (refused != null) {
            output.problem(refused);
            return ExitCodes.COULD_NOT_RUN;
        }
        return null;
    }

    @Override
    int run(ConfigurableApplicationContext app) {
        MigrationSource source;
        PlanMap map;
        try {
            source = from.source(app.getEnvironment(), output);
            map = from.plans();
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
