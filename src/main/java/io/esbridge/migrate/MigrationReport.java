package io.esbridge.migrate;

import java.util.List;

import io.esbridge.run.RunReport;

/**
 * What a migration did: each stage's run, the dependency replays after them, the plan notes (quotas or groups the
 * target's catalogue lacks), and the users created on the target with a generated password (names only, never a
 * password: the provider hands those users a password reset).
 */
public record MigrationReport(
        SourceRead read,
        List<StageRun> stages,
        List<RunReport> replays,
        List<String> planNotes,
        List<String> generatedPasswords,
        long stillFailed) {

    /**
     * How the source was read: calls asked of it, and answers taken from the unfinished read of an earlier run.
     *
     * @param since when that earlier read began (null: nothing was kept)
     */
    public record SourceRead(int asked, int kept, java.time.Instant since) {

        public String line() {
            return kept == 0
                    ? "source read: " + asked + " reads"
                    : "source read resumed: " + kept + " reads kept from the read begun " + since + ", " + asked
                            + " more asked";
        }
    }

    /** One stage's run. */
    public record StageRun(String stage, RunReport report) {}

    public boolean clean() {
        return stillFailed == 0;
    }
}
