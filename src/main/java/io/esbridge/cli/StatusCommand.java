package io.esbridge.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import io.esbridge.deadletter.DeadLetter;
import io.esbridge.deadletter.DeadLetterStore;
import io.esbridge.run.RunReport;
import io.esbridge.run.RunStore;

/** The latest runs and what waits in the dead-letter store. */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {
            "0:no failed record is waiting",
            "1:failed records are waiting in the dead-letter store (of any run)",
            ExitCodes.COULD_NOT_RUN_LINE
        },
        description = "Show the latest runs and the failed records waiting in the dead-letter store.")
public class StatusCommand extends OneShotCommand {

    @Option(names = "--runs", defaultValue = "10", description = "How many runs to show (default ${DEFAULT-VALUE}).")
    int runs;

    @Override
    int run(ConfigurableApplicationContext app) {
        List<RunReport> latest = app.getBean(RunStore.class).recent(runs);
        List<DeadLetter> open = app.getBean(DeadLetterStore.class).open();
        output.text(text(latest, open));
        output.json(json(latest, open));
        return open.isEmpty() ? ExitCodes.OK : ExitCodes.SOME_FAILED;
    }

    private static String text(List<RunReport> latest, List<DeadLetter> open) {
        StringBuilder text = new StringBuilder(latest.isEmpty() ? "No runs yet." : "Latest runs, newest first:");
        latest.forEach(report -> text.append("\n  ").append(report.summary()));
        text.append("\n")
                .append(open.size())
                .append(" failed record(s) in the dead-letter store")
                .append(open.isEmpty() ? "." : " (es-bridge replay --all, or --run / --code):");
        open.stream().limit(SHOWN).forEach(d -> text.append("\n  ").append(FailedRecordLine.of(d)));
        if (open.size() > SHOWN) {
            text.append("\n  … and ").append(open.size() - SHOWN).append(" more (the run console lists them all)");
        }
        return text.toString();
    }

    /** Status is one report: the latest runs as their report files have them, and every failed record waiting. */
    private static Map<String, Object> json(List<RunReport> latest, List<DeadLetter> open) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("runs", latest.stream().map(RunStore::reportJson).toList());
        json.put(
                "deadLetters",
                open.stream()
                        .map(d -> {
                            Map<String, Object> letter = new LinkedHashMap<>();
                            letter.put("id", d.id());
                            letter.put("runId", d.runId());
                            letter.put("source", d.source());
                            letter.put("recordType", d.recordType());
                            letter.put("billingKey", d.billingKey());
                            letter.put("errorKind", d.errorKind());
                            letter.put("errorCode", d.errorCode());
                            letter.put("errorName", d.errorName());
                            letter.put("field", d.field());
                            letter.put("message", d.message());
                            letter.put("attempts", d.attempts());
                            letter.put(
                                    "lastFailedAt",
                                    d.lastFailedAt() == null
                                            ? null
                                            : d.lastFailedAt().toString());
                            return letter;
                        })
                        .toList());
        return json;
    }

    /** Failed records listed in the text form; more are counted, since a terminal cannot show thousands. */
    private static final int SHOWN = 20;
}
