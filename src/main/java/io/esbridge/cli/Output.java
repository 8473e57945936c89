package io.esbridge.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine.Option;

/**
 * Where a one-shot command's output goes, as with any command-line tool: its reports (and the progress line) on
 * standard output, each problem as one plain line on standard error, and the log in a rolled file
 * ({@link Application#LOG_FILE}), on standard error too with {@code --verbose}. With {@code --json} standard output
 * holds one JSON object per line (a report per run) and nothing else, so that a script can parse it.
 * <p>
 * While the job runs, {@link System#out} is pointed at standard error with --verbose, and nowhere without: the log's
 * console appender writes there, and so would any library that prints, so none of it can end up among the reports a
 * script reads.
 */
public class Output {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(
            names = "--verbose",
            description = "Show the log live on standard error (it is always written to" + " data/logs/es-bridge.log).")
    boolean verbose;

    @Option(
            names = "--json",
            description = "Print one JSON report per run on standard output (one a line), and" + " nothing else there.")
    boolean json;

    /** The real standard output while {@link #redirect()} holds; before, simply {@link System#out}. */
    private PrintStream reports;

    /** Points {@link System#out} away until closed; reports still go to the real standard output. */
    Redirect redirect() {
        PrintStream stdout = System.out;
        reports = stdout;
        // The log's console appender writes to whatever System.out is at each line: standard error with --verbose,
        // nowhere without (the log is in its file). Logging's own settings stay untouched, since logback is one per
        // JVM: turning its console off would silence every other application of the JVM (an embedding, the tests).
        System.setOut(verbose ? System.err : new PrintStream(OutputStream.nullOutputStream(), true));
        return () -> {
            System.out.flush();
            System.setOut(stdout);
        };
    }

    /** Restores standard output; closing cannot fail. */
    interface Redirect extends AutoCloseable {
        @Override
        void close();
    }

    boolean verbose() {
        return verbose;
    }

    boolean json() {
        return json;
    }

    /** Where reports, and the progress line of a human reader, are printed. */
    PrintStream reports() {
        return reports == null ? System.out : reports;
    }

    /** Where problems are printed, and (with {@code --json}) the progress line, which a script does not parse. */
    PrintStream problems() {
        return System.err;
    }

    /** A report in the human form, unless the output is JSON. */
    void text(String report) {
        if (!json) {
            reports().println(report);
        }
    }

    /** A report as one JSON line, when the output is JSON. */
    void json(Object report) {
        if (json) {
            try {
                reports().println(JSON.writeValueAsString(report));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException("cannot write a report as JSON", e);
            }
        }
    }

    /** One problem, as one line. */
    void problem(String line) {
        problems().println(line);
    }
}
