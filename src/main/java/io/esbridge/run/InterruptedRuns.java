package io.esbridge.run;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Closes runs left open by an es-bridge process that is gone as {@link RunState#INTERRUPTED}: when es-bridge starts
 * (whatever the command), and then at every heartbeat, so that an instance sharing the state store closes those of a
 * peer that died. A run whose owner still beats is never touched. At a clean stop, after Camel has finished what it
 * could, this process closes its own runs that are still open: nothing will complete them.
 */
@Component
class InterruptedRuns implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(InterruptedRuns.class);
    /**
     * Runs opened by versions before owners were recorded have no heartbeat to judge by (during a rolling upgrade
     * their process may still be working): they are closed once nothing has happened in them for this long.
     */
    private static final Duration OWNERLESS_IDLE = Duration.ofDays(1);

    private final RunStore runs;
    private final RunOwner owner;
    private final JdbcTemplate jdbc;
    private final RunProperties properties;
    private ScheduledExecutorService ticker;

    InterruptedRuns(RunStore runs, RunOwner owner, JdbcTemplate jdbc, RunProperties properties) {
        this.runs = runs;
        this.owner = owner;
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        closeRunsOfGoneInstances();
        ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "run-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        long period = properties.heartbeat().toMillis();
        ticker.scheduleWithFixedDelay(this::beat, period, period, TimeUnit.MILLISECONDS);
    }

    private void beat() {
        try {
            owner.heartbeat();
            closeRunsOfGoneInstances();
        } catch (RuntimeException e) {
            // the state store is unreachable for a moment: the next beat tries again
            LOG.warn("run heartbeat failed: {}", e.getMessage());
        }
    }

    /**
     * Forgets every other instance that is gone, then closes the open runs whose owner is not registered: those of
     * the instances just forgotten, and those a beat before could not close (the store failed between the two
     * steps, or a run was opened by an instance already taken for gone).
     */
    private void closeRunsOfGoneInstances() {
        owner.gone(properties.ownerGoneAfter()).forEach(owner::forget);
        interrupt(jdbc.queryForList(
                "select run_id from es_run r where state = 'RUNNING' and owner_instance is not"
                        + " null and not exists (select 1 from es_instance i where i.instance_id = r.owner_instance)",
                String.class));
        Timestamp idleSince = Timestamp.from(Instant.now().minus(OWNERLESS_IDLE));
        interrupt(jdbc.queryForList(
                "select run_id from es_run r where state = 'RUNNING'"
                        + " and owner_instance is null and started_at < ? and not exists (select 1 from es_record_outcome o"
                        + " where o.run_id = r.run_id and o.recorded_at >= ?)",
                String.class,
                idleSince,
                idleSince));
    }

    @Override
    public synchronized void stop() {
        ticker.shutdownNow();
        ticker = null;
        interrupt(openRunsOf(owner.id()));
        owner.forget(owner.id());
    }

    @Override
    public synchronized boolean isRunning() {
        return ticker != null;
    }

    /** Below Camel's phase: stopped only after Camel has let its in-flight records finish. */
    @Override
    public int getPhase() {
        return DEFAULT_PHASE - 4096;
    }

    private List<String> openRunsOf(String instance) {
        return jdbc.queryForList(
                "select run_id from es_run where state = 'RUNNING' and owner_instance = ?", String.class, instance);
    }

    private void interrupt(List<String> runIds) {
        runIds.forEach(runs::interrupt);
    }
}
