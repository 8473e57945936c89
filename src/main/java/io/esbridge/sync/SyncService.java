package io.esbridge.sync;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import io.esbridge.deadletter.DeadLetter;
import io.esbridge.deadletter.DeadLetterStore;
import io.esbridge.deadletter.ReplayService;
import io.esbridge.mapping.MappingRegistry;
import io.esbridge.mapping.RecordMapper;
import io.esbridge.record.RecordType;
import io.esbridge.record.SourceRef;
import io.esbridge.run.RunReport;
import io.esbridge.run.RunSession;
import io.esbridge.run.RunSessions;

/**
 * One sync of the billing database: first the failed records of earlier syncs are replayed, then every phase
 * (customers, subscriptions, add-ons) is read as a run of its own and waited for until each row has an outcome; only
 * then does the phase's watermark move, to the largest value read. A run that lost a row (its report's identity does
 * not hold) leaves the watermark where it was, so the next sync reads those rows again.
 * <p>
 * A dry run ({@code es.provisioning.dry-run}) reads and reports like a real sync but leaves every piece of sync state
 * as it was: no watermark moves, no billing key is remembered as synced, no disappeared record is recorded. It made
 * no write call, so the real sync after it must read, and apply, every row the dry run read.
 */
@Service
public class SyncService {

    private static final Logger LOG = LoggerFactory.getLogger(SyncService.class);

    private final BillingSource source;
    private final SyncProperties properties;
    private final PhaseReader reader;
    private final Watermarks watermarks;
    private final SyncedKeys syncedKeys;
    private final SyncExecutions executions;
    private final DisappearedRecords disappeared;
    private final RunSessions sessions;
    private final DeadLetterStore deadLetters;
    private final ReplayService replay;
    private final MappingRegistry mappings;
    private final boolean dryRun;
    private final String instance;
    /** One sync at a time in this process: the schedule and an on-demand trigger must not interleave phases. */
    private final ReentrantLock running = new ReentrantLock();

    SyncService(
            BillingSource source,
            SyncProperties properties,
            PhaseReader reader,
            Watermarks watermarks,
            SyncedKeys syncedKeys,
            SyncExecutions executions,
            DisappearedRecords disappeared,
            RunSessions sessions,
            DeadLetterStore deadLetters,
            ReplayService replay,
            MappingRegistry mappings) {
        this.source = source;
        this.properties = properties;
        this.reader = reader;
        this.watermarks = watermarks;
        this.syncedKeys = syncedKeys;
        this.executions = executions;
        this.disappeared = disappeared;
        this.sessions = sessions;
        this.deadLetters = deadLetters;
        this.replay = replay;
        this.mappings = mappings;
        this.dryRun = sessions.dryRun();
        this.instance = hostName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** This instance's name in {@code es_sync_execution}: host and a per-start suffix. */
    public String instance() {
        return instance;
    }

    /** @throws SyncBusyException when a sync is already running in this process */
    public SyncResult sync(SyncMode mode, SyncTrigger trigger) {
        if (!running.tryLock()) {
            throw new SyncBusyException("a sync is already running in this instance");
        }
        try {
            String executionId = executions.start(source.name(), mode, trigger, instance);
            SyncResult result;
            try {
                result = run(executionId, mode);
            } catch (BillingSourceUnavailableException e) {
                // one line saying what to change: the schedule's run has no one waiting for the exception
                LOG.error("sync {} failed: {}", executionId, e.getMessage());
                executions.finish(executionId, "FAILED", e.getMessage());
                throw e;
            } catch (RuntimeException e) {
                executions.finish(executionId, "FAILED", String.valueOf(e.getMessage()));
                throw e;
            }
            executions.finish(executionId, result.complete() ? "DONE" : "INCOMPLETE", result.summary());
            if (result.complete()) {
                LOG.info(result.summary());
            } else {
                LOG.error(result.summary());
            }
            return result;
        } finally {
            running.unlock();
        }
    }

    private SyncResult run(String executionId, SyncMode mode) {
        // first, so that a billing database that cannot be opened fails the sync with its sentence before any replay
        source.open();
        List<RunReport> replays = properties.retryFailed() ? retryFailed() : List.of();
        List<RunReport> phases = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Map<RecordType, Set<String>> seen = new HashMap<>();
        Map<RecordType, Boolean> completeRead = new HashMap<>();
        Map<RecordType, Long> rowsRead = new HashMap<>();
        Map<RecordType, String> tables = new HashMap<>();
        for (SyncProperties.Phase phase : properties.phases()) {
            String stored = watermarks.get(source.name(), phase.name()).orElse(null);
            Object from = reader.parameter(mode == SyncMode.INCREMENTAL ? stored : null);
            RunSession run = sessions.open(
                    SourceRef.Kind.TABLE,
                    "sync " + source.name() + " " + phase.name() + " ("
                            + mode.name().toLowerCase() + ")");
            PhaseReader.Read read = reader.read(source, phase, run.runId(), from);
            // waits until every row handed on has an outcome: the next phase may need this one's records
            RunReport report = run.close(read.rows());
            phases.add(report);
            RecordType type = type(phase);
            tables.putIfAbsent(type, phase.table());
            seen.computeIfAbsent(type, t -> new HashSet<>()).addAll(read.keys());
            if (!dryRun) {
                // a dry run applied nothing: its keys were not brought in, and must not be taken for disappeared
                syncedKeys.addNew(source.name(), type, read.keys());
            }
            boolean whole = read.lost() == 0 && report.identityHolds();
            // whole when every phase of the type was; the rows are counted over them all, since one phase of a
            // type may rightly read none (a billing database without resellers has no reseller spaces)
            completeRead.merge(type, whole, Boolean::logicalAnd);
            rowsRead.merge(type, read.rows(), Long::sum);
            if (!whole) {
                problems.add(phase.name() + ": " + read.lost() + " row(s) not handed on or the report does not add"
                        + " up; the watermark stays at " + stored);
            } else if (dryRun) {
                LOG.info(
                        "dry run: the watermark of {} stays at {} (read up to {})",
                        phase.name(),
                        stored,
                        read.maxWatermark());
            } else if (read.maxWatermark() != null && reader.beyond(read.maxWatermark(), stored)) {
                watermarks.advance(source.name(), phase.name(), read.maxWatermark(), run.runId());
            }
        }
        // a customer whose reseller a later phase (or a later row of a phase already past) provides failed for it,
        // and so did its subscriptions: replayed now that every phase is in (a dry run keeps no dead letters: nothing
        // waits)
        List<RunReport> dependencyReplays =
                replay.replayDependencies(phases.stream().map(RunReport::runId).toList()).stream()
                        .map(ReplayService.ReplayResult::report)
                        .toList();
        DisappearedRecords.Handled gone = new DisappearedRecords.Handled(List.of(), null);
        if (mode == SyncMode.RECONCILE) {
            List<DisappearedRecords.FullRead> reads = new ArrayList<>();
            // subscriptions first: a customer's spaces change before its user, which reads better in the server's log
            for (RecordType type : List.of(RecordType.SUBSCRIPTION, RecordType.CUSTOMER)) {
                if (!seen.containsKey(type)) {
                    continue;
                }
                if (!completeRead.getOrDefault(type, false) || rowsRead.getOrDefault(type, 0L) == 0) {
                    // an empty or broken read would make every customer look gone: never act on that
                    problems.add(type + ": the full read was empty or incomplete; disappeared records not checked");
                    continue;
                }
                reads.add(new DisappearedRecords.FullRead(type, tables.get(type), seen.get(type)));
            }
            gone = disappeared.handle(executionId, source.name(), reads, dryRun);
            if (gone.run() != null && !gone.run().identityHolds()) {
                problems.add("disappeared: a status change has no outcome: "
                        + gone.run().summary());
            }
        }
        return new SyncResult(
                executionId, mode, dryRun, replays, phases, dependencyReplays, gone.run(), gone.records(), problems);
    }

    /**
     * The open dead letters of earlier syncs (source {@code table ...}), replayed run by run, oldest first. An
     * incremental read would not see those rows again (the watermark passed them); a row changed in billing since is
     * read again by its phase, after the replay, so the newer data wins. Rows refused by validation have no envelope
     * to replay: they come back when billing corrects them (which moves their updated_at).
     */
    private List<RunReport> retryFailed() {
        Map<String, Long> oldestByRun = new LinkedHashMap<>();
        for (DeadLetter letter : deadLetters.open()) {
            if (letter.source().startsWith("table ") && letter.envelopeJson() != null) {
                oldestByRun.merge(letter.runId(), letter.id(), Math::min);
            }
        }
        return oldestByRun.entrySet().stream()
                .sorted(Map.Entry.comparingByValue(Comparator.naturalOrder()))
                .map(entry -> replay.replay(new ReplayService.Selection(entry.getKey(), null, null))
                        .report())
                .toList();
    }

    private RecordType type(SyncProperties.Phase phase) {
        if (mappings.mapper(phase.mapping()) instanceof RecordMapper mapper) {
            return mapper.type();
        }
        throw new IllegalArgumentException("sync phase " + phase.name() + ": mapping " + phase.mapping()
                + " must map one record type (no type column)");
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
