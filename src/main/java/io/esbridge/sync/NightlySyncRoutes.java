package io.esbridge.sync;

import java.time.Instant;
import java.util.Date;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.sql.SqlConstants;
import org.springframework.stereotype.Component;

import io.esbridge.feed.FeedEndpoints;

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
    /** One phase's read (body: its query; header {@code CamelSqlParameters}: its values), see {@link PhaseReader}. */
    static final String READ_PHASE = "direct:sync-phase-read";
    /** The billing database in Camel's registry only: as a Spring bean it would displace the state store's. */
    static final String BILLING_DATA_SOURCE = "billingDataSource";

    private final SyncProperties properties;
    private final SyncService sync;
    private final BillingSource billing;

    public NightlySyncRoutes(SyncProperties properties, SyncService sync, BillingSource billing) {
        this.properties = properties;
        this.sync = sync;
        this.billing = billing;
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

        bindToRegistry(BILLING_DATA_SOURCE, billing.forRoutes());
        // One phase's rows, read as the billing database gives them and handed on one by one, in order: StreamList
        // keeps one open result set (fetchSize rows a round trip; PostgreSQL only streams so outside auto-commit,
        // which BillingSource sets), never a list of the phase; camel-sql closes it, its statement and connection
        // when the read's exchange completes, failed or not. No error handler: the exception goes back to
        // PhaseReader as it is, and no handler logs the exchange, whose rows may hold passwords
        from(READ_PHASE)
                .routeId("sync-phase-read")
                .errorHandler(noErrorHandler())
                .to("sql:billing-phase-query?useMessageBodyForSql=true&outputType=StreamList&usePlaceholder=false"
                        + "&dataSource=#" + BILLING_DATA_SOURCE + "&fetchSize=" + properties.fetchSize())
                .removeHeader(SqlConstants.SQL_PARAMETERS)
                // stopOnException: a row that cannot be read (a watermark of the wrong type) ends the read and fails
                // the sync; a row the feed route fails to take is counted lost, the rest are still handed on, and
                // the phase's watermark stays
                .split(body())
                .streaming()
                .stopOnException()
                .process(PhaseTally::row)
                .doTry()
                .to(FeedEndpoints.RECORD)
                .doCatch(Exception.class)
                .process(PhaseTally::lost)
                .end()
                .end();
    }
}
