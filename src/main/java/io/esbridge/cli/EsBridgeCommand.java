package io.esbridge.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code es-bridge [COMMAND]}: with no command, the long-running service (as {@code serve}).
 * Exit codes a script can act on: {@link ExitCodes}.
 */
@Command(
        name = "es-bridge",
        mixinStandardHelpOptions = true,
        version = "es-bridge 0.1.0",
        description = "Billing feeds in, Enterprise Server (DotNetPanel / WebsitePanel / SolidCP / MSPControl)"
                + " provisioning out. Any --key=value option is a setting (see README), e.g."
                + " --es.server.url=http://panel:9002/",
        subcommands = {
            ServeCommand.class,
            ImportCommand.class,
            ReplayCommand.class,
            SyncCommand.class,
            StatusCommand.class,
            CheckCommand.class,
            MigrateCommand.class,
            VerifyCommand.class
        },
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK_LINE, ExitCodes.SOME_FAILED_LINE, ExitCodes.COULD_NOT_RUN_LINE})
public class EsBridgeCommand implements Callable<Integer> {

    @Mixin
    Settings settings;

    @Override
    public Integer call() {
        return new ServeCommand().serve(settings);
    }
}
