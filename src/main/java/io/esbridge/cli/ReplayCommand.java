package io.esbridge.cli;

import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import io.esbridge.errors.ReplayService;
import io.esbridge.errors.ReplayService.ReplayResult;
import io.esbridge.errors.ReplayService.Selection;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Re-runs failed records from the dead-letter store. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Re-run failed records from the dead-letter store; those that now succeed leave it.")
public class ReplayCommand implements Callable<Integer> {

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

    @Mixin
    Settings settings;

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext app = Application.oneShot(settings.springArgs())) {
            ReplayResult result = app.getBean(ReplayService.class).replay(which.all ? Selection.all()
                    : new Selection(which.runId, which.code, which.errorName));
            System.out.println(result.report().summary());
            result.notReplayed().forEach(line -> System.out.println("  not replayed: " + line));
            return result.report().failed() > 0 || !result.notReplayed().isEmpty() ? ExitCodes.SOME_FAILED
                    : ExitCodes.OK;
        }
    }
}
