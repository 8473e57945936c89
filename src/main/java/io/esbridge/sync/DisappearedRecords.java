package io.esbridge.sync;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.esbridge.provisioning.ProvisioningRoutes;
import io.esbridge.record.RecordEnvelope;
import io.esbridge.record.RecordType;
import io.esbridge.record.SourceRef;
import io.esbridge.record.StatusChangeRecord;
import io.esbridge.run.RecordOutcome;
import io.esbridge.run.RunReport;
import io.esbridge.run.RunSession;
import io.esbridge.run.RunSessions;
import io.esbridge.run.RunStore;
import io.esbridge.state.Link;
import io.esbridge.state.LinkStore;

/**
 * Customers and subscriptions a source once brought in, still linked on the server, that a full read of billing no
 * longer returns: reported, suspended or cancelled ({@code es.sync.disappeared}). Nothing is ever deleted. A suspend or
 * cancel is a {@link StatusChangeRecord} sent to provisioning in a run of its own, so that, as for any record, the
 * engine alone calls the server and writes the link, the run's report counts it, and a failure is dead-lettered and
 * replayed (under the customer's or subscription's own key).
 */
@Component
class DisappearedRecords {

    private static final Logger LOG = LoggerFactory.getLogger(DisappearedRecords.class);

    /** A record type whose full read completed: the keys it returned, and the billing table they come from. */
    record FullRead(RecordType type, String table, Set<String> keys) {}

    /** What was found gone and done about it, and the run that changed their status (null when none was sent). */
    record Handled(List<Disappeared> records, RunReport run) {}

    private record Gone(FullRead read, Link link) {}

    private final SyncedKeys syncedKeys;
    private final LinkStore links;
    private final ProducerTemplate producer;
    private final RunSessions sessions;
    private final RunStore runs;
    private final SyncExecutions executions;
    private final DisappearedPolicy policy;

    DisappearedRecords(
            SyncedKeys syncedKeys,
            LinkStore links,
            ProducerTemplate producer,
            RunSessions sessions,
            RunStore runs,
            SyncExecutions executions,
            SyncProperties properties) {
        this.syncedKeys = syncedKeys;
        this.links = links;
        this.producer = producer;
        this.sessions = sessions;
        this.runs = runs;
        this.executions = executions;
        this.policy = properties.disappeared();
    }

    /**
     * Handles the linked keys of each read's type that the source once had and the read lacks, in the order of the
     * reads: one customer's records share a provisioning lane, so its spaces change before its user when the
     * subscriptions' read comes first.
     */
    Handled handle(String executionId, String source, List<FullRead> reads) {
        return handle(executionId, source, reads, false);
    }

    /**
     * As {@link #handle(String, String, List)}; in a dry run the status changes are only listed (provisioning is in
     * dry-run mode too) and nothing is recorded in {@code es_sync_disappeared}: no record's status changed.
     */
    Handled handle(String executionId, String source, List<FullRead> reads, boolean dryRun) {
        List<Gone> gone = new ArrayList<>();
        for (FullRead read : reads) {
            for (String key : new TreeSet<>(syncedKeys.all(source, read.type()))) {
                if (!read.keys().contains(key)) {
                    links.find(read.type(), key)
                            .filter(Link::applied)
                            .filter(link -> link.esId() != null)
                            .ifPresent(link -> gone.add(new Gone(read, link)));
                }
            }
        }
        if (gone.isEmpty()) {
            return new Handled(List.of(), null);
        }
        Handled handled = policy == DisappearedPolicy.REPORT
                ? new Handled(
                        gone.stream().map(g -> disappeared(g, "REPORTED", null)).toList(), null)
                : changeStatus(source, gone);
        if (!dryRun) {
            handled.records().forEach(d -> executions.disappeared(executionId, d));
        }
        LOG.warn(
                "{}{} record(s) no longer in billing ({}): {}",
                dryRun ? "dry run: " : "",
                gone.size(),
                policy,
                handled.records().stream()
                        .map(d -> d.type() + " " + d.billingKey() + "=" + d.action())
                        .toList());
        return handled;
    }

    private Handled changeStatus(String source, List<Gone> gone) {
        StatusChangeRecord.Status status = policy == DisappearedPolicy.SUSPEND
                ? StatusChangeRecord.Status.SUSPENDED
                : StatusChangeRecord.Status.CANCELLED;
        RunSession run = sessions.open(
                SourceRef.Kind.TABLE,
                "sync " + source + " disappeared (" + policy.name().toLowerCase(Locale.ROOT) + ")");
        gone.forEach(g -> producer.sendBody(ProvisioningRoutes.INTAKE, envelope(run.runId(), g, status)));
        // waits until every status change has its outcome
        RunReport report = run.close(gone.size());
        Map<String, RecordOutcome> outcomes = new HashMap<>();
        runs.outcomes(run.runId()).forEach(o -> outcomes.put(o.type() + " " + o.billingKey(), o));
        List<Disappeared> records = gone.stream()
                .map(g -> disappeared(
                        g, outcomes.get(g.link().type() + " " + g.link().billingKey()), status))
                .toList();
        return new Handled(records, report);
    }

    private RecordEnvelope envelope(String runId, Gone gone, StatusChangeRecord.Status status) {
        Link link = gone.link();
        // a space's lane is that of the customer whose user holds it (the service's row, which named it, is gone)
        String customerKey = link.type() == RecordType.CUSTOMER
                ? link.billingKey()
                : link.parentEsId() == null
                        ? null
                        : links.billingKeyOf(RecordType.CUSTOMER, link.parentEsId())
                                .orElse(null);
        return new RecordEnvelope(
                runId,
                SourceRef.tableRow(gone.read().table(), link.billingKey()),
                link.type(),
                link.billingKey(),
                new StatusChangeRecord(link.type(), link.billingKey(), customerKey, status),
                Map.of(
                        "disappeared",
                        "no longer in table " + gone.read().table() + " (es.sync.disappeared=" + policy + ")"));
    }

    private static Disappeared disappeared(Gone gone, RecordOutcome outcome, StatusChangeRecord.Status status) {
        if (outcome == null) {
            return disappeared(gone, "FAILED", "no outcome recorded: see the log");
        }
        return switch (outcome.outcome()) {
            case CREATED, UPDATED -> disappeared(gone, status.name(), null);
            case UNCHANGED -> disappeared(gone, "UNCHANGED", null);
            case FAILED -> disappeared(gone, "FAILED", outcome.message());
        };
    }

    private static Disappeared disappeared(Gone gone, String action, String message) {
        return new Disappeared(
                gone.link().type(), gone.link().billingKey(), gone.link().esId(), action, message);
    }
}
