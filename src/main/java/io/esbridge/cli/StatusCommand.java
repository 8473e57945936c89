package io.esbridge.cli;

import java.util.List;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import io.esbridge.run.RunReport;
import io.esbridge.run.RunStore;
import io.esbridge.state.DeadLetter;
import io.esbridge.state.DeadLetterStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The latest runs and what waits in the dead-letter store. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show the latest runs and the failed records waiting in the dead-letter store.")
public class StatusCommand implements Callable<Integer> {

    @Option(names = "--runs", defaultValue = "10", description = "How many runs to show (default ${DEFAULT-VALUE}).")
    int runs;

    @Mixin
    Settings settings;

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext app = Application.oneShot(settings.springArgs())) {
            List<RunReport> latest = app.getBean(RunStore.class).recent(runs);
            System.out.println(latest.isEmpty() ? "No runs yet." : "Latest runs, newest first:");
            latest.forEach(report -> System.out.println("  " + report.summary()));
            List<DeadLetter> open = app.getBean(DeadLetterStore.class).open();
            System.out.println(open.size() + " failed record(s) in the dead-letter store"
                    + (open.isEmpty() ? "." : " (es-bridge replay --all, or --run / --code):"));
            open.stream().limit(20).forEach(d -> System.out.println("  " + d.source() + " " + d.recordType() + " "
                    + d.billingKey() + ": " + d.errorName() + " " + d.message()));
            return open.isEmpty() ? ExitCodes.OK : ExitCodes.SOME_FAILED;
        }
    }
}
