package io.esbridge.cli;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import io.esbridge.deadletter.ReplayService;
import io.esbridge.deadletter.ReplayService.ReplayResult;
import io.esbridge.deadletter.ReplayService.Selection;
import io.esbridge.run.RunStore;

/** Re-runs failed records from the dead-letter store. */
@Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK_LINE, ExitCodes.SOME_FAILED_LINE, ExitCodes.COULD_NOT_RUN_LINE},
        description = "Re-run failed records from the dead-letter store; those that now succeed leave it.")
public class ReplayCommand extends OneShotCommand {

    static class Which {
        @Option(names = "--run", description = "The failed records of one run (its id).")
        String runId;

        @Option(names = "--code", description = "The failed records with one BusinessErrorCode, e.g. -100.")
        Integer code;

        @Option(names = "--error", description = "The failed records with one error name, e.g. USERNAME_TAKEN.")
        String errorName;

        @Option(names = "--all", description = "Every failed record.")
        boolean all;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Which which;

    @Override
    int run(ConfigurableApplicationContext app) {
        ReplayResult result = app.getBean(ReplayService.class)
                .replay(which.all ? Selection.all() : new Selection(which.runId, which.code, which.errorName));
        printFailures(app, result.report().runId());
        result.notReplayed().forEach(line -> output.problem("not replayed: " + line));
        output.text(result.report().summary());
        output.json(RunStore.reportJson(result.report()));
        return result.report().failed() > 0 || !result.notReplayed().isEmpty() ? ExitCodes.SOME_FAILED : ExitCodes.OK;
    }
}
