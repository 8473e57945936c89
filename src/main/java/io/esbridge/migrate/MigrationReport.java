package io.esbridge.migrate;

import java.util.List;

import io.esbridge.run.RunReport;

/**
 * What a migration did: each stage's run, the dependency replays after them, the plan notes (quotas or groups the
 * target's catalogue lacks), and the users created on the target with a generated password (names only, never a
 * password: the provider hands those users a password reset).
 */
public record MigrationReport(
        List<StageRun> stages,
        List<RunReport> replays,
        List<String> planNotes,
        List<String> generatedPasswords,
        long stillFailed) {

    /** One stage's run. */
    public record StageRun(String stage, RunReport report) {}

    public boolean clean() {
        return stillFailed == 0;
    }
}
