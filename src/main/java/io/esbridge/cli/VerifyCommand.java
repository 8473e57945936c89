package io.esbridge.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import io.esbridge.run.RunStore;
import io.esbridge.verify.DriftRepair;
import io.esbridge.verify.DriftRepair.RepairResult;
import io.esbridge.verify.VerifyReport;
import io.esbridge.verify.VerifyService;

/**
 * Every linked object read back from the panel and compared with what es-bridge last applied; with {@code --repair},
 * the drift sent through provisioning again.
 */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {
            "0:no drift: every linked object is on the panel as es-bridge last applied it",
            "1:drift: objects missing on the panel or changed there (with --repair: as found before repairing)",
            "2:could not run (the panel unreachable, configuration)"
        },
        description = "Read every object es-bridge linked (users, spaces, add-ons, plans) back from the panel and"
                + " compare it with what es-bridge last applied: missing on the panel, changed there (plan,"
                + " status, e-mail, quantity, name), or fine. Writes nothing unless --repair.")
public class VerifyCommand extends OneShotCommand {

    @Option(
            names = "--repair",
            description = "Send the drifted records' applied values through provisioning again (a run of its own,"
                    + " honouring --dry-run); forget the links of objects gone from the panel, so that the next"
                    + " import or sync creates them anew.")
    boolean repair;

    @Override
    int run(ConfigurableApplicationContext app) {
        VerifyReport report = app.getBean(VerifyService.class).verify();
        Map<String, Object> json = new LinkedHashMap<>(report.json());
        StringBuilder text = new StringBuilder(report.text());
        if (repair && !report.clean()) {
            RepairResult repaired = app.getBean(DriftRepair.class).repair(report);
            repaired.lines().forEach(line -> text.append('\n').append(line));
            if (repaired.report() != null) {
                printFailures(app, repaired.report().runId());
                text.append('\n').append(repaired.report().summary());
                json.put("repair", RunStore.reportJson(repaired.report()));
            }
            json.put("repairLines", repaired.lines());
        }
        output.text(text.toString());
        output.json(json);
        return report.clean() ? ExitCodes.OK : ExitCodes.SOME_FAILED;
    }
}
