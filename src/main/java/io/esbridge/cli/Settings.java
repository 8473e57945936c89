package io.esbridge.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import picocli.CommandLine.Option;

/**
 * Options every command shares: a dry run, and settings passed through to Spring ({@code --es.server.url=...}: any
 * {@code --key=value} whose key has a dot). Settings are taken out of the arguments before picocli sees them, since
 * picocli would refuse them as unknown options.
 */
public class Settings {

    private static final Pattern SETTING = Pattern.compile("--[A-Za-z][\\w-]*(\\.[\\w\\[\\]-]+)+=.*");
    private static final List<String> SPRING_ARGUMENTS = new ArrayList<>();

    @Option(names = "--dry-run", description = "Report the write calls that would be made, in order; make none.")
    boolean dryRun;

    /** Keeps the settings among {@code args} for Spring and answers the rest, for picocli. */
    static String[] extract(String[] args) {
        List<String> rest = new ArrayList<>();
        SPRING_ARGUMENTS.clear();
        for (String arg : args) {
            (SETTING.matcher(arg).matches() ? SPRING_ARGUMENTS : rest).add(arg);
        }
        return rest.toArray(String[]::new);
    }

    /** The arguments for Spring: every setting given, plus the dry-run switch. */
    String[] springArgs() {
        List<String> args = new ArrayList<>(SPRING_ARGUMENTS);
        if (dryRun) {
            args.add("--es.provisioning.dry-run=true");
        }
        return args.toArray(String[]::new);
    }
}
