package io.esbridge.cli;

/** What a script can tell from es-bridge's exit status. */
public final class ExitCodes {

    /** Every record was applied or was already up to date. */
    public static final int OK = 0;
    /** The run completed, but some records failed: they are in the report and the dead-letter store. */
    public static final int SOME_FAILED = 1;
    /** Nothing could be done: a configuration error, an unreachable server, bad arguments. */
    public static final int COULD_NOT_RUN = 2;

    private ExitCodes() {
    }
}
