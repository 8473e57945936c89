package io.esbridge.cli;

import java.nio.file.Path;
import java.util.List;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import io.esbridge.check.CheckReport;
import io.esbridge.check.PreflightCheck;

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
        description = "Check feed files (CSV, JSON, JSON Lines) or folders of them before importing them: validate"
                + " every record, follow the references, ask the target about clashes; print a graded report. Writes"
                + " nothing, neither to the panel nor to the state store.")
public class CheckCommand extends OneShotCommand {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files, or folders whose files to check.")
    List<Path> paths;

    @Override
    int run(ConfigurableApplicationContext app) {
        List<Path> files = ImportCommand.feedFiles(paths);
        CheckReport report = app.getBean(PreflightCheck.class).check(files);
        output.text(report.text());
        output.json(report.json());
        return report.clean() ? ExitCodes.OK : ExitCodes.SOME_FAILED;
    }
}
