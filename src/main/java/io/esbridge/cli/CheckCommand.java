package io.esbridge.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import io.esbridge.check.CheckReport;
import io.esbridge.check.PreflightCheck;
import io.esbridge.migrate.Migration;
import io.esbridge.migrate.SourcePreview;
import io.esbridge.sync.SyncMode;

/**
 * The pre-flight check of an import: every record validated as import validates it, the references across the inputs
 * and the state store followed, and the target asked in bulk about clashes; nothing is written anywhere.
 */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {
            "0:no error and no warning: an import would apply every record as it stands",
            "1:errors (records an import would fail) or warnings (records a policy decides)",
            "2:could not run (an input unreadable, the target unreachable, configuration)"
        },
        description = "Check feed files (CSV, JSON, JSON Lines, XML, key=value) or folders of them, with --sync the"
                + " billing database's rows, and with --from-url a source server as migrate would read it, before"
                + " importing them: validate"
                + " every record, follow the references, ask the target about clashes; print a graded report. Writes"
                + " nothing, neither to the panel nor to the state store.")
public class CheckCommand extends OneShotCommand {

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "Files, or folders whose files to check.")
    List<Path> paths;

    @Option(
            names = "--sync",
            description = "Check the billing database's rows too: those the next sync would read (see --mode).")
    boolean sync;

    @Option(
            names = "--mode",
            defaultValue = "incremental",
            paramLabel = "MODE",
            description = "With --sync: incremental (default: the rows changed since each phase's watermark) or"
                    + " reconcile (every row).")
    String mode;

    /** A source server to check as {@code migrate} would read it (optional here). */
    @Mixin
    SourceServerOptions from;

    @Override
    Integer refuse() {
        if ((paths == null || paths.isEmpty()) && !sync && !from.given()) {
            output.problem(
                    "es-bridge check: name the files or folders to check, or --sync, or --from-url (or several)");
            return ExitCodes.COULD_NOT_RUN;
        }
        String refused = from.refusal();
        if (refused != null) {
            output.problem(refused);
            return ExitCodes.COULD_NOT_RUN;
        }
        if (!List.of("incremental", "reconcile").contains(mode.strip().toLowerCase(Locale.ROOT))) {
            output.problem("--mode must be incremental or reconcile");
            return ExitCodes.COULD_NOT_RUN;
        }
        return null;
    }

    @Override
    int run(ConfigurableApplicationContext app) {
        List<Path> files = paths == null ? List.of() : ImportCommand.feedFiles(paths);
        SourcePreview source = null;
        if (from.given()) {
            try {
                source = app.getBean(Migration.class).preview(from.source(app.getEnvironment(), output), from.plans());
            } catch (RuntimeException e) {
                output.problem("es-bridge check: the source server: " + e.getMessage());
                return ExitCodes.COULD_NOT_RUN;
            }
        }
        CheckReport report = app.getBean(PreflightCheck.class)
                .check(files, sync ? SyncMode.valueOf(mode.strip().toUpperCase(Locale.ROOT)) : null, source);
        output.text(report.text());
        output.json(report.json());
        return report.clean() ? ExitCodes.OK : ExitCodes.SOME_FAILED;
    }
}
