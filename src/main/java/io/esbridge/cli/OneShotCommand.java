package io.esbridge.cli;

import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Mixin;

import io.esbridge.run.RunStore;

/**
 * A command that starts es-bridge for one job and stops it again (everything but {@code serve}): the settings and
 * output options every such command takes, the application it runs in, and the failed records of its runs printed on
 * standard error the same way by each (a script greps one format, whichever command it ran).
 */
abstract class OneShotCommand implements Callable<Integer> {

    @Mixin
    Settings settings;

    @Mixin
    Output output;

    @Override
    public final Integer call() {
        Integer refused = refuse();
        if (refused != null) {
            return refused;
        }
        try (Output.Redirect redirect = output.redirect();
                ConfigurableApplicationContext app = Application.oneShot(settings.springArgs(), output.verbose())) {
            return run(app);
        }
    }

    /** An exit code when the options alone rule the job out (before anything starts), else null. */
    Integer refuse() {
        return null;
    }

    /** The job, in a started application; answers the exit code. */
    abstract int run(ConfigurableApplicationContext app);

    /** One line on standard error per failed record of the run. */
    final void printFailures(ConfigurableApplicationContext app, String runId) {
        app.getBean(RunStore.class).failures(runId, failed -> output.problem(FailedRecordLine.of(failed)));
    }
}
