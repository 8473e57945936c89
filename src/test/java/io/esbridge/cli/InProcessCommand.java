package io.esbridge.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import io.esbridge.EsBridgeApplication;

/**
 * es-bridge's command line run in this JVM, as an operator runs it, against a test's sandbox (over HTTP) and state
 * store: what it printed on standard output and error, and its exit code.
 */
public final class InProcessCommand {

    private InProcessCommand() {}

    /**
     * A log line of another context and the stack trace it may carry (a Quartz scheduler of a closed context logs
     * "JobPersistenceException" with its cause and frames): the timestamped line, an exception's own line, "Caused
     * by:", frames and "... n common frames omitted". No line of a command's JSON starts like any of these.
     */
    private static final java.util.regex.Pattern LOG_LINE =
            java.util.regex.Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:.*"
                    + "|\\s+at .*|\\s*\\.\\.\\. \\d+ (common frames omitted|more)"
                    + "|Caused by: .*|[a-z][\\w$]*(\\.[\\w$]+)+(Exception|Error)(: .*)?( \\[.*)?");

    /** One command's exit code and output. */
    public record Run(int exit, String stdout, String stderr) {

        /**
         * Standard output without log lines: the command runs in this JVM, whose cached contexts of other test classes
         * may log to the console (a Quartz check-in, a heartbeat) while it runs, into the same System.out.
         */
        public String json() {
            return stdout.lines()
                    .filter(line -> !LOG_LINE.matcher(line).matches())
                    .collect(Collectors.joining("\n"))
                    .strip();
        }
    }

    /**
     * Runs {@code args} (a command, its options, settings) against the sandbox on {@code port} (unless the args name
     * another {@code es.server.url}) and the state store at {@code stateUrl}, writing its files into {@code folder}.
     */
    public static Run run(List<String> args, int port, String stateUrl, Path folder) {
        List<String> all = new ArrayList<>(args);
        if (all.stream().noneMatch(arg -> arg.startsWith("--es.server.url="))) {
            all.add("--es.server.url=http://localhost:" + port + "/");
        }
        all.addAll(List.of(
                "--es.sandbox.enabled=false",
                "--spring.datasource.url=" + stateUrl,
                "--es.state.secret-key-file=target/test-secret.key",
                "--es.console.password-file=" + folder.resolve("console-password"),
                "--logging.file.name=" + folder.resolve("es-bridge.log")));
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int exit;
        try {
            System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
            exit = Cli.run(EsBridgeApplication.class, all.toArray(String[]::new));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return new Run(exit, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
    }
}
