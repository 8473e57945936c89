package io.esbridge.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The long-running service: inbox watchers, HTTP push, schedules, console and the sandbox when enabled. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {"0:stopped cleanly", ExitCodes.COULD_NOT_RUN_LINE},
        description = "Run the service: inbox folders, HTTP push, schedules, the run console (default command).")
public class ServeCommand implements Callable<Integer> {

    @Mixin
    Settings settings;

    @Override
    public Integer call() {
        return serve(settings);
    }

    Integer serve(Settings given) {
        Application.serve(given.springArgs());
        return ExitCodes.OK;
    }
}
