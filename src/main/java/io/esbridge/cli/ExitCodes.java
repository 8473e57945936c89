package io.esbridge.cli;

/** What a script can tell from es-bridge's exit status. */
public final class ExitCodes {

    /** Every record was applied or was already up to date. */
    public static final int OK = 0;
    /** The run completed, but some records failed: they are in the report and the dead-letter store. */
    public static final int SOME_FAILED = 1;
    /** Nothing could be done: a configuration error, an unreachable server, bad arguments. */
    public static final int COULD_NOT_RUN = 2;

    /** The help's exit-code list, the same words on every command (picocli reads them as annotation constants). */
    static final String HEADING = "%nExit codes:%n";

    static final String OK_LINE = "0:every record applied (or unchanged)";
    static final String SOME_FAILED_LINE = "1:some records failed (see the report)";
    static final String COULD_NOT_RUN_LINE = "2:could not run (configuration, server unreachable, bad arguments)";

    private ExitCodes() {}
}
