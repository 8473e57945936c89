package io.esbridge.sync;

import java.time.Instant;
import java.util.Date;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The schedule and the one entry of every sync: {@code direct:sync} takes a {@link SyncMode} (or its name) as body.
 * The Quartz job lives in the state store's database (clustered job store): with several instances on one
 * database, each trigger fires on exactly one of them, and a job an instance crashed in is recovered by another.
 */
@Component
public class NightlySyncRoutes extends RouteBuilder {

    public static final String SYNC = "direct:sync";
    /** Header: what started the sync ({@link SyncTrigger.Kind}); absent means the command line. */
    public static final String TRIGGER = "EsSyncTrigger";

    private final SyncProperties properties;
    private final SyncService sync;

    public NightlySyncRoutes(SyncProperties properties, SyncService sync) {
        this.properties = properties;
        this.sync = sync;
    }

    @Override
    public void configure() {
        // SyncService logged its one sentence; Camel's dump of the exchange and stack trace would bury it. Not handled:
        // the command line and POST /api/sync still get the exception
        onException(BillingSourceUnavailableException.class).logExhausted(false);

        if (properties.scheduleEnabled()) {
            // stateful: no second execution while one runs (on any instance); recoverableJob: an instance that dies
            // mid-sync has its job run again by another; usingFixedCamelContextName: every instance's job finds its
            // own CamelContext by the shared name camel.main.name, whichever instance created the job
            from("quartz://es-bridge/nightly-sync?cron="
                            + properties.cron().trim().replace(' ', '+')
                            + "&stateful=true&recoverableJob=true&usingFixedCamelContextName=true")
                    .routeId("sync-schedule")
                    .setHeader(TRIGGER, constant(SyncTrigger.Kind.SCHEDULE.name()))
                    .setBody(constant(properties.scheduledMode()))
                    .to(SYNC);
        }

        from(SYNC).routeId("sync").process(exchange -> {
            SyncMode mode = SyncMode.valueOf(
                    exchange.getIn().getMandatoryBody(String.class).strip().toUpperCase());
            SyncTrigger.Kind kind = SyncTrigger.Kind.valueOf(
                    exchange.getIn().getHeader(TRIGGER, SyncTrigger.Kind.COMMAND.name(), String.class));
            Date fired = exchange.getIn().getHeader("scheduledFireTime", Date.class);
            Instant scheduled = fired == null ? null : fired.toInstant();
            exchange.getIn().setBody(sync.sync(mode, new SyncTrigger(kind, scheduled)));
        });
    }
}
