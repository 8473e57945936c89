package io.esbridge.cli;

import java.util.concurrent.Callable;

import org.apache.camel.ProducerTemplate;
import org.springframework.context.ConfigurableApplicationContext;

import io.esbridge.sync.NightlySyncRoutes;
import io.esbridge.sync.SyncMode;
import io.esbridge.sync.SyncResult;
import io.esbridge.sync.SyncTrigger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Runs one sync from the billing database now, in this process, as the schedule would. */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = "Sync from the billing database now (es.sync.*): the rows changed since the last sync, or"
                + " --mode reconcile for every row and the customers no longer in billing.")
public class SyncCommand implements Callable<Integer> {

    @Option(names = "--mode", defaultValue = "incremental",
            description = "incremental (rows changed since the watermark) or reconcile (every row; disappeared"
                    + " customers by es.sync.disappeared). Default: ${DEFAULT-VALUE}.")
    String mode;

    @Mixin
    Settings settings;

    @Override
    public Integer call() {
        SyncMode chosen;
        try {
            chosen = SyncMode.valueOf(mode.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            System.err.println("--mode must be incremental or reconcile");
            return ExitCodes.COULD_NOT_RUN;
        }
        try (ConfigurableApplicationContext app = Application.oneShot(settings.springArgs())) {
            SyncResult result = app.getBean(ProducerTemplate.class).requestBodyAndHeader(NightlySyncRoutes.SYNC,
                    chosen.name(), NightlySyncRoutes.TRIGGER, SyncTrigger.Kind.COMMAND.name(), SyncResult.class);
            System.out.println(result.summary());
            if (!result.complete()) {
                return ExitCodes.COULD_NOT_RUN;
            }
            return result.failed() > 0 ? ExitCodes.SOME_FAILED : ExitCodes.OK;
        }
    }
}
