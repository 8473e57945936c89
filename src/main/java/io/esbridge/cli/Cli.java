package io.esbridge.cli;

import org.springframework.boot.context.properties.bind.BindException;

import picocli.CommandLine;

/** Runs a command line; configuration problems end in one sentence saying what to change, not a stack trace. */
public final class Cli {

    private Cli() {}

    /**
     * Runs the command and answers its exit code; {@link #serving()} tells whether the service keeps running.
     *
     * @param application the Spring Boot application class the commands start (what {@code main} hands in, so that
     *                    this package does not import the one above it, which holds {@code main})
     */
    public static int run(Class<?> application, String... args) {
        Application.use(application);
        CommandLine commandLine = new CommandLine(new EsBridgeCommand());
        commandLine.setExecutionExceptionHandler((error, cmd, parsed) -> {
            cmd.getErr().println("es-bridge could not run: " + oneSentence(error));
            return ExitCodes.COULD_NOT_RUN;
        });
        commandLine.setExitCodeExceptionMapper(error -> ExitCodes.COULD_NOT_RUN);
        return commandLine.execute(Settings.extract(args));
    }

    public static boolean serving() {
        return Application.serving();
    }

    /** The innermost message of a failure, which is where Spring and es-bridge put what to change. */
    static String oneSentence(Throwable error) {
        Throwable cause = error;
        String message = error.getMessage();
        while (cause != null) {
            if (cause instanceof BindException bind) {
                message = "the setting " + bind.getName() + " is wrong: " + rootMessage(bind);
                break;
            }
            if (cause.getMessage() != null) {
                message = cause.getMessage();
            }
            cause = cause.getCause();
        }
        return message;
    }

    private static String rootMessage(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }
}
