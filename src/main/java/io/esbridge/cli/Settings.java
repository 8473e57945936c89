package io.esbridge.cli;

import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/** Options every command shares: settings passed through to Spring ({@code --key=value}) and a dry run. */
public class Settings {

    @Option(names = "--dry-run", description = "Report the write calls that would be made, in order; make none.")
    boolean dryRun;

    @Unmatched
    List<String> springArguments = new ArrayList<>();

    /** The arguments for Spring: every {@code --key=value} given, plus the dry-run switch. */
    String[] springArgs() {
        List<String> args = new ArrayList<>(springArguments);
        if (dryRun) {
            args.add("--es.provisioning.dry-run=true");
        }
        return args.toArray(String[]::new);
    }
}
