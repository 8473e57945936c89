package io.esbridge.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import io.esbridge.deadletter.ReplayService;
import io.esbridge.deadletter.ReplayService.ReplayResult;
import io.esbridge.feed.FileImporter;
import io.esbridge.feed.FileImporter.Result;
import io.esbridge.feed.ReadPositions;
import io.esbridge.record.RecordType;
import io.esbridge.run.RunReport;
import io.esbridge.run.RunStore;

/**
 * One-shot import of files or folders: each file one run, imported in record order (plans, customers, subscriptions,
 * add-ons) so that a customer exists before its subscriptions; each run's report printed.
 */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK_LINE, ExitCodes.SOME_FAILED_LINE, ExitCodes.COULD_NOT_RUN_LINE},
        description = "Import feed files (CSV, JSON, JSON Lines, XML, key=value .conf/.pkg, .tar.gz of those) or"
                + " folders of them; print each run's report; exit.")
public class ImportCommand extends OneShotCommand {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files, or folders whose files to import.")
    List<Path> paths;

    @Option(names = "--again", description = "Import files even when the same content was imported before.")
    boolean again;

    @Override
    int run(ConfigurableApplicationContext app) {
        List<Path> files = feedFiles(paths);
        FileImporter importer = app.getBean(FileImporter.class);
        RunStore runs = app.getBean(RunStore.class);
        ReadPositions positions = app.getBean(ReadPositions.class);
        boolean allApplied = true;
        boolean allRead = true;
        List<String> runIds = new ArrayList<>();
        for (Path file : inRecordOrder(files, importer)) {
            Result result;
            Instant started = Instant.now();
            try (ProgressLine progress = new ProgressLine(
                    file.getFileName().toString(),
                    size(file),
                    () -> runOf(runs, file, started)
                            .map(report -> new ProgressLine.Progress(
                                    report.created() + report.updated() + report.unchanged() + report.failed(),
                                    report.failed(),
                                    positions.of(report.runId()))),
                    output.json() ? output.problems() : output.reports())) {
                result = importer.importFile(file, again);
            }
            if (result.runId().isEmpty()) {
                boolean importedBefore = result.notImported().startsWith("imported before");
                if (importedBefore) {
                    output.text(file + ": not imported: " + result.notImported());
                } else {
                    // a file that cannot be read is a problem, said on standard error like a failed record
                    output.problem(file + ": not imported: " + result.notImported());
                }
                output.json(notImported(file, result.notImported()));
                allApplied &= importedBefore;
                allRead &= importedBefore;
                continue;
            }
            RunReport report = runs.report(result.runId().get()).orElseThrow();
            runIds.add(report.runId());
            printFailures(app, report.runId());
            output.text(file + ": " + report.summary());
            output.json(reportJson(file, report));
            allApplied &= report.failed() == 0 && report.identityHolds();
            allRead &= report.identityHolds();
        }
        if (!allApplied && !runIds.isEmpty()) {
            allApplied = allRead && replayDependencies(app, app.getBean(ReplayService.class), runIds);
        }
        return allApplied ? ExitCodes.OK : ExitCodes.SOME_FAILED;
    }

    /**
     * Files are imported in type order, but a customers file may name resellers that a later customers file provides
     * (and its subscriptions then fail too): once every file is in, the dead letters of this command's runs that failed
     * for a record they depend on are replayed, pass after pass while one provisions something. Each pass is reported
     * like a file; the exit code then follows what is still failed, not what failed first. A dry run keeps no dead
     * letters, so it replays nothing and its reports stand as they are.
     *
     * @return whether nothing of this command's runs is still failed
     */
    private boolean replayDependencies(ConfigurableApplicationContext app, ReplayService replays, List<String> runIds) {
        List<String> all = new ArrayList<>(runIds);
        for (ReplayResult pass : replays.replayDependencies(runIds)) {
            RunReport report = pass.report();
            all.add(report.runId());
            printFailures(app, report.runId());
            pass.notReplayed().forEach(line -> output.problem("not replayed: " + line));
            output.text("after all files, " + report.summary());
            output.json(RunStore.reportJson(report));
        }
        return all.size() > runIds.size() && replays.openOf(all) == 0;
    }

    /** The run's report as its report file has it, and which file it read (the report names the file alone). */
    private static Map<String, Object> reportJson(Path file, RunReport report) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("file", file.toString());
        json.putAll(RunStore.reportJson(report));
        return json;
    }

    /** A file that made no run, so that a script still learns of every file it named. */
    private static Map<String, Object> notImported(Path file, String why) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("file", file.toString());
        json.put("notImported", why);
        return json;
    }

    /** The run importing {@code file} that started after {@code since}, while it goes on. */
    private static Optional<RunReport> runOf(RunStore runs, Path file, Instant since) {
        return runs.recent(1).stream()
                .filter(report -> report.sourceName().equals(file.getFileName().toString())
                        && !report.startedAt().isBefore(since.minusSeconds(1)))
                .findFirst();
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The files named, and the feed files of the folders named (as an inbox would pick them up); check reads these. */
    static List<Path> feedFiles(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> listing = Files.list(path)) {
                    listing.filter(Files::isRegularFile)
                            .filter(ImportCommand::isFeed)
                            .sorted()
                            .forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list " + path, e);
                }
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                throw new IllegalArgumentException(path + " is neither a file nor a folder");
            }
        }
        return files;
    }

    /** The files a folder's inbox would pick up (as routes/feeds-inbox.yaml): not its README or notes. */
    private static boolean isFeed(Path file) {
        return FEED_FILE.matcher(file.getFileName().toString()).matches();
    }

    private static final Pattern FEED_FILE =
            Pattern.compile(".*\\.(csv|tsv|txt|json|jsonl|ndjson|xml|conf|pkg|tar\\.gz|tgz)", Pattern.CASE_INSENSITIVE);

    private static List<Path> inRecordOrder(List<Path> files, FileImporter importer) {
        RecordType[] order = {RecordType.PLAN, RecordType.CUSTOMER, RecordType.SUBSCRIPTION, RecordType.ADDON};
        return files.stream()
                .sorted(Comparator.comparingInt(file -> importer.typeOf(file)
                        .map(type -> List.of(order).indexOf(type))
                        .orElse(order.length)))
                .toList();
    }
}
