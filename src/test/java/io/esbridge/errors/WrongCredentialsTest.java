package io.esbridge.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.esbridge.run.RunReport;

/**
 * Wrong credentials (serveradmin's password changed on the server): the run pauses with one clear message, nothing is
 * dead-lettered, and it completes once the credentials work again.
 */
@ExtendWith(OutputCaptureExtension.class)
class WrongCredentialsTest extends ErrorChannelTestSupport {

    @Test
    void aRefusedLoginPausesTheRunLoudlyOnceAndItCompletesOnceTheCredentialsWork(CapturedOutput output)
            throws Exception {
        String prefix = unique("cred");
        Path customers = write("customers-" + prefix + ".csv", CUSTOMERS_HEADER, customers(prefix, 6));
        long deadLettersBefore = deadLetters.open().size();
        String rotated = "Rotated-" + prefix;
        client.changeUserPassword(1, rotated);
        try {
            CompletableFuture<RunReport> run = CompletableFuture.supplyAsync(() -> importFile(customers));
            await().atMost(Duration.ofSeconds(20)).until(() -> pause.reason() != null);
            assertThat(pause.reason()).contains("401");
            Thread.sleep(1_500); // the records keep waiting: retried, not failed
            assertThat(run).isNotDone();
            assertThat(deadLetters.open()).hasSize((int) deadLettersBefore);
        } finally {
            clientAs("serveradmin", rotated).changeUserPassword(1, ADMIN_PASSWORD);
        }
        RunReport report = runs.recent(20).stream()
                .filter(r -> r.sourceName().equals(customers.getFileName().toString()))
                .findFirst()
                .orElseThrow();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> runs.report(report.runId()).orElseThrow().finishedAt() != null);
        RunReport done = runs.report(report.runId()).orElseThrow();
        assertThat(done.identityHolds()).as(done.summary()).isTrue();
        assertThat(done.created()).isEqualTo(6);
        assertThat(done.failed()).isZero();
        assertThat(deadLetters.open()).hasSize((int) deadLettersBefore);
        assertThat(pause.reason()).isNull();
        for (int i = 1; i <= 6; i++) {
            assertThat(usersNamed(prefix + "u" + i)).isEqualTo(1);
        }
        String log = output.getAll();
        assertThat(log.split("PROVISIONING PAUSED", -1)).as("paused: said once").hasSize(2);
        assertThat(log).contains("PROVISIONING RESUMED");
        assertThat(log).doesNotContain(rotated).doesNotContain(ADMIN_PASSWORD);
    }
}
