package io.esbridge.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.ProducerTemplate;
import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import io.esbridge.run.RunReport;
import io.esbridge.run.RunStore;
import io.esbridge.sync.NightlySyncRoutes;
import io.esbridge.sync.SyncMode;
import io.esbridge.sync.SyncResult;
import io.esbridge.sync.SyncTrigger;

/** Runs one sync from the billing database now, in this process, as the schedule would. */
@Command(
        name = "sync",
        mixinStandardHelpOptions = true,
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK_LINE, ExitCodes.SOME_FAILED_LINE, ExitCodes.COULD_NOT_RUN_LINE},
        description = "Sync from the billing database now (es.sync.*): the rows changed since the last sync, or"
                + " --mode reconcile for every row and the customers no longer in billing.")
public class SyncCommand extends OneShotCommand {

    @Option(
            names = "--mode",
            defaultValue = "incremental",
            description = "incremental (rows changed since the watermark) or reconcile (every row; disappeared"
                    + " customers by es.sync.disappeared). Default: ${DEFAULT-VALUE}.")
    String mode;

    @Override
    Integer refuse() {
        try {
            SyncMode.valueOf(mode.strip().toUpperCase());
            return null;
        } catch (IllegalArgumentException e) {
            System.err.println("--mode must be incremental or reconcile");
            return ExitCodes.COULD_NOT_RUN;
        }
    }

    @Override
    int run(ConfigurableApplicationContext app) {
        SyncMode chosen = SyncMode.valueOf(mode.strip().toUpperCase());
        SyncResult result = app.getBean(ProducerTemplate.class)
                .requestBodyAndHeader(
                        NightlySyncRoutes.SYNC,
                        chosen.name(),
                        NightlySyncRoutes.TRIGGER,
                        SyncTrigger.Kind.COMMAND.name(),
                        SyncResult.class);
        List<RunReport> reports = new ArrayList<>(result.replays());
        reports.addAll(result.phases());
        if (result.statusChanges() != null) {
            reports.add(result.statusChanges());
        }
        for (RunReport report : reports) {
            printFailures(app, report.runId());
            output.json(runJson(result, report));
        }
        result.problems().forEach(problem -> output.problem("sync " + result.executionId() + ": " + problem));
        output.text(result.summary());
        if (!result.complete()) {
            return ExitCodes.COULD_NOT_RUN;
        }
        return result.failed() > 0 ? ExitCodes.SOME_FAILED : ExitCodes.OK;
    }

    /** A run's report, and which sync execution it was part of. */
    private static Map<String, Object> runJson(SyncResult sync, RunReport report) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("sync", sync.executionId());
        json.put("mode", sync.mode().name().toLowerCase());
        json.put("dryRun", sync.dryRun());
        json.putAll(RunStore.reportJson(report));
        return json;
    }
}
