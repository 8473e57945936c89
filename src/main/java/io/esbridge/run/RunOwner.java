package io.esbridge.run;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * This es-bridge process as the owner of the runs it opens ({@code es_run.owner_instance}), heart-beating in
 * {@code es_instance}. Beats and their ages are taken on the database's clock, so instances on hosts whose clocks
 * disagree still judge each other right. An instance is gone when its beat is older than the allowed gap, or at once
 * when it ran in this process space (same boot, same PID namespace) and its process has ended: a process killed and
 * started again on the same host finds its old runs closable straight away.
 */
@Component
public class RunOwner {

    private static final Logger LOG = LoggerFactory.getLogger(RunOwner.class);

    private final JdbcTemplate jdbc;
    private final long pid = ProcessHandle.current().pid();
    private final Long processStart = start(ProcessHandle.current());
    private final String processSpace = processSpace();
    private final String id =
            hostName() + "/" + pid + "/" + UUID.randomUUID().toString().substring(0, 8);

    public RunOwner(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        // registered before any run can be opened (the run store depends on this bean), so that no run ever has an
        // owner that others cannot see beating
        register();
    }

    /** This instance's name: host, PID and a per-start suffix. */
    public String id() {
        return id;
    }

    /** One beat; after a pause long enough for others to take this instance for gone, it registers again. */
    void heartbeat() {
        if (jdbc.update("update es_instance set heartbeat_at = current_timestamp where instance_id = ?", id) == 0) {
            LOG.warn(
                    "es-bridge instance {} had stopped heart-beating long enough to be taken for gone; its open runs"
                            + " may have been closed as interrupted, and end finished if they complete",
                    id);
            register();
        }
    }

    /** The other instances that are gone: no beat for {@code gap}, or their process ended in this process space. */
    List<String> gone(Duration gap) {
        OffsetDateTime cutoff = jdbc.queryForObject("select current_timestamp", OffsetDateTime.class)
                .minus(gap);
        return jdbc
                .query(
                        "select instance_id, process_space, pid, process_start, heartbeat_at from es_instance"
                                + " where instance_id <> ?",
                        (rs, n) -> {
                            boolean silent = rs.getObject("heartbeat_at", OffsetDateTime.class)
                                    .isBefore(cutoff);
                            boolean ended = processSpace != null
                                    && processSpace.equals(rs.getString("process_space"))
                                    && ended(rs.getLong("pid"), rs.getObject("process_start", Long.class));
                            return silent || ended ? rs.getString("instance_id") : null;
                        },
                        id)
                .stream()
                .filter(Objects::nonNull)
                .toList();
    }

    /**
     * Whether the process with this PID (in this process space) has ended: no such process, or one started more than
     * a second away from the recorded start (the PID was taken again). When a start is not known, it is alive.
     */
    private static boolean ended(long pid, Long recordedStart) {
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            return true;
        }
        Long start = start(process.get());
        return start != null && recordedStart != null && Math.abs(start - recordedStart) > 1000;
    }

    private static Long start(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toEpochMilli).orElse(null);
    }

    /** Drops an instance whose runs are closed (this one, at a clean stop). */
    void forget(String instanceId) {
        jdbc.update("delete from es_instance where instance_id = ?", instanceId);
    }

    private void register() {
        jdbc.update(
                "insert into es_instance (instance_id, process_space, pid, process_start, started_at,"
                        + " heartbeat_at) values (?, ?, ?, ?, current_timestamp, current_timestamp)",
                id,
                processSpace,
                pid,
                processStart);
    }

    /**
     * Linux: the boot and the PID namespace of this process. Two containers may share a host name and PIDs but not
     * both of these; elsewhere null, and only the heartbeat tells.
     */
    private static String processSpace() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/random/boot_id")).strip() + " "
                    + Files.readSymbolicLink(Path.of("/proc/self/ns/pid"));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown-host";
        }
    }
}
