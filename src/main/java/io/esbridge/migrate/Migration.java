package io.esbridge.migrate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.cxf.Bus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import io.esbridge.client.EsServerProperties;
import io.esbridge.deadletter.ReplayIntake;
import io.esbridge.deadletter.ReplayService;
import io.esbridge.deadletter.ReplayService.ReplayResult;
import io.esbridge.migrate.MigrationReport.StageRun;
import io.esbridge.migrate.SourceRecords.Mapped;
import io.esbridge.migrate.SourceRecords.Stage;
import io.esbridge.migrate.SourceRecords.Staged;
import io.esbridge.record.CustomerRecord;
import io.esbridge.record.RecordEnvelope;
import io.esbridge.record.RecordType;
import io.esbridge.record.SourceRef;
import io.esbridge.run.Outcome;
import io.esbridge.run.RunReport;
import io.esbridge.run.RunSession;
import io.esbridge.run.RunSessions;
import io.esbridge.run.RunStore;
import io.esbridge.state.SecretKeeper;

/**
 * {@code es-bridge migrate}: reads a whole source Enterprise Server and provisions it on the target through the same
 * engine as any feed, one run per stage ({@link SourceRecords}). Records are keyed by source ids, so a second migration
 * finds the links of the first and writes only what changed on the source since: it can be repeated until cut-over.
 */
@Service
public class Migration {

    private final EsServerProperties target;
    private final Bus bus;
    private final RunSessions sessions;
    private final ReplayIntake intake;
    private final ReplayService replays;
    private final RunStore runs;
    private final JdbcTemplate jdbc;
    private final SecretKeeper secrets;
    private final MigrationReadProperties read;

    Migration(
            EsServerProperties target,
            Bus bus,
            RunSessions sessions,
            ReplayIntake intake,
            ReplayService replays,
            RunStore runs,
            JdbcTemplate jdbc,
            SecretKeeper secrets,
            MigrationReadProperties read) {
        this.read = read;
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.target = target;
        this.bus = bus;
        this.sessions = sessions;
        this.intake = intake;
        this.replays = replays;
        this.runs = runs;
    }

    public MigrationReport migrate(MigrationSource source, PlanMap planMap) {
        ReadJournal journal = new ReadJournal(jdbc, secrets, source.name());
        java.time.Instant since = journal.since().orElse(null);
        SourceReader reader = new SourceReader(
                source.client(target, bus), target.maxInFlight(), journal, SourceReader.patientRetry(read));
        SourceRecords records = new SourceRecords(source, planMap);
        // each user is provisioned as soon as it is read whole (owners first), so the target is written from the start
        // while the source is still read
        List<StageRun> stages = new ArrayList<>();
        List<String> runIds = new ArrayList<>();
        Set<String> provisioned = new HashSet<>(Set.of(SourceRecords.USERS));
        RunSession usersRun = sessions.open(SourceRef.Kind.TABLE, "migrate " + source.name() + ": users");
        int[] handed = {0};
        // the spaces, add-ons and reseller plans are read as soon as the users are, while the users' last records and
        // the administrator's plans are provisioned: each server at its own bound
        ExecutorService background = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "migrate-read-" + source.name());
            thread.setDaemon(true);
            return thread;
        });
        SourceSnapshot first;
        Future<SourceSnapshot> rest;
        try {
            first = readOrStop(
                    () -> reader.readFirst(user -> {
                        submit(usersRun, records.user(user, SourceReader.ADMINISTRATOR));
                        handed[0]++;
                    }),
                    source,
                    journal,
                    "The users read until then were provisioned (a rerun finds them linked)");
            SourceSnapshot read = first;
            rest = background.submit(() -> reader.readRest(read));
        } catch (RuntimeException e) {
            background.shutdownNow();
            throw e;
        } finally {
            RunReport users = usersRun.close(handed[0]);
            if (handed[0] > 0) {
                stages.add(new StageRun(SourceRecords.USERS, users));
                runIds.add(users.runId());
            }
        }
        SourceSnapshot whole;
        try {
            // the first read has no spaces: only its plans of the administrator and its users are stages with records
            for (Stage stage : records.map(first).stages()) {
                if (!stage.records().isEmpty() && !provisioned.contains(stage.name())) {
                    provision(source, stage, stages, runIds);
                    provisioned.add(stage.name());
                }
            }
            whole = readOrStop(
                    () -> SourceReader.answered(rest),
                    source,
                    journal,
                    "The administrator's plans and the users were provisioned (a rerun finds them linked)");
        } finally {
            background.shutdownNow();
        }
        // whole: the next migration reads the source as it is then, a delta of its present and not of this read
        journal.clear();
        MigrationReport.SourceRead sourceRead =
                new MigrationReport.SourceRead(journal.asked(), journal.kept(), journal.kept() == 0 ? null : since);
        Mapped mapped = records.map(whole);
        for (Stage stage : mapped.stages()) {
            if (!provisioned.contains(stage.name())) {
                provision(source, stage, stages, runIds);
            }
        }
        // a reseller's customers may wait for a reseller that failed at first, e.g. for its own owner: replayed at the
        // end as import does, pass after pass while one provisions something
        List<RunReport> replayed = new ArrayList<>();
        List<String> all = new ArrayList<>(runIds);
        if (!sessions.dryRun()) {
            for (ReplayResult pass : replays.replayDependencies(runIds)) {
                replayed.add(pass.report());
                all.add(pass.report().runId());
            }
        }
        return new MigrationReport(
                sourceRead,
                stages,
                replayed,
                mapped.planNotes(),
                generated(all, mapped),
                sessions.dryRun() ? 0 : replays.openOf(all));
    }

    /** One stage as one run, closed once every record has its outcome. */
    private void provision(MigrationSource source, Stage stage, List<StageRun> stages, List<String> runIds) {
        if (stage.records().isEmpty()) {
            return;
        }
        RunSession run = sessions.open(SourceRef.Kind.TABLE, "migrate " + source.name() + ": " + stage.name());
        stage.records().forEach(record -> submit(run, record));
        RunReport report = run.close(stage.records().size());
        stages.add(new StageRun(stage.name(), report));
        runIds.add(report.runId());
    }

    private void submit(RunSession run, Staged record) {
        intake.submit(new RecordEnvelope(
                run.runId(), record.source(), record.type(), record.key(), record.payload(), record.raw()));
    }

    /** The source's answer, or a sentence saying what was done and that a rerun goes on from what was read. */
    private static SourceSnapshot readOrStop(
            java.util.function.Supplier<SourceSnapshot> read,
            MigrationSource source,
            ReadJournal journal,
            String written) {
        try {
            return read.get();
        } catch (RuntimeException e) {
            // the exception's own sentence names the server and the call; the counts say what a rerun saves
            throw new SourceReadException(
                    "reading the source " + source.url() + " stopped: " + e.getMessage() + ". " + written + "; "
                            + journal.waiting() + " answers read so far are kept: run the same migrate again to go"
                            + " on from there",
                    e);
        }
    }

    /**
     * What a migration of this source would hand to provisioning, read now and written nowhere (no journal, no run):
     * for {@code es-bridge check --from-url}. The records are in the order a migration would provision them.
     */
    public SourcePreview preview(MigrationSource source, PlanMap planMap) {
        SourceSnapshot snapshot = new SourceReader(
                        source.client(target, bus),
                        target.maxInFlight(),
                        ReadJournal.none(source.name()),
                        SourceReader.patientRetry(read))
                .read();
        Mapped mapped = new SourceRecords(source, planMap).map(snapshot);
        List<RecordEnvelope> records = new ArrayList<>();
        for (Stage stage : mapped.stages()) {
            for (Staged record : stage.records()) {
                records.add(new RecordEnvelope(
                        SourcePreview.NO_RUN,
                        record.source(),
                        record.type(),
                        record.key(),
                        record.payload(),
                        record.raw()));
            }
        }
        return new SourcePreview(
                source.name() + " (" + source.url() + ")", records, mapped.planNotes(), mapped.usersWithoutPassword());
    }

    /** The usernames of the users this migration created on the target without a password from the source. */
    private List<String> generated(List<String> runIds, Mapped mapped) {
        Set<String> created = new HashSet<>();
        for (String runId : runIds) {
            runs.outcomes(runId).stream()
                    .filter(o -> o.type() == RecordType.CUSTOMER && o.outcome() == Outcome.CREATED)
                    .forEach(o -> created.add(o.billingKey()));
        }
        Set<String> withoutPassword = new HashSet<>(mapped.usersWithoutPassword());
        return mapped.stages().stream()
                .flatMap(stage -> stage.records().stream())
                .filter(r -> r.payload() instanceof CustomerRecord c
                        && created.contains(c.key())
                        && withoutPassword.contains(c.username()))
                .map(r -> ((CustomerRecord) r.payload()).username())
                .toList();
    }
}
