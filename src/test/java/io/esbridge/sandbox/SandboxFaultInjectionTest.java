package io.esbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.esbridge.client.EsTransientException;
import io.esbridge.contract.UserRole;

/** Faults set while the sandbox runs, as the client experiences them. */
class SandboxFaultInjectionTest extends SolidCpSandboxContext {

    @Test
    void addedLatencyIsObserved() {
        client.userExists("warm-up");
        faults.update(f -> f.withLatency(300, 50));

        long started = System.nanoTime();
        client.userExists("serveradmin");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void soapFaultsAndBareHttpErrorsAreTransientForTheClient() {
        faults.update(f -> f.withSoapFaultShare(1));
        assertThatThrownBy(() -> client.userExists("serveradmin"))
                .isInstanceOf(EsTransientException.class)
                .hasMessageContaining("deadlock");

        faults.set(FaultSettings.NONE.withHttpErrorShare(1, 500));
        assertThatThrownBy(() -> client.userExists("serveradmin"))
                .isInstanceOf(EsTransientException.class)
                .hasMessageContaining("HTTP 500");
        faults.set(FaultSettings.NONE.withHttpErrorShare(1, 503));
        assertThatThrownBy(() -> client.getHostingPlans(1))
                .isInstanceOf(EsTransientException.class)
                .hasMessageContaining("HTTP 503");
    }

    @Test
    void aShareOfFaultsPicksThatShareOfDistinctRequestsByContentAndFailsEachOnce() {
        faults.update(f -> f.withSoapFaultShare(0.5));
        int failed = failedProbes();
        assertThat(failed).as("about half of 60 distinct requests").isBetween(15, 45);
        assertThat(failedProbes())
                .as("each picked request fails once: its retry is served")
                .isZero();

        faults.set(FaultSettings.NONE.withSoapFaultShare(0.5));
        assertThat(failedProbes())
                .as("the same requests are picked again, not others")
                .isEqualTo(failed);
    }

    @Test
    void theFirstCallsOfAnOperationCanBeFailedWithoutBeingApplied() {
        String username = SandboxFixtures.uniqueUsername("first");
        faults.set(FaultSettings.NONE.withFailFirst("AddUser", 2, 500));
        for (int attempt = 1; attempt <= 2; attempt++) {
            assertThatThrownBy(() -> client.addUser(
                            SandboxFixtures.customer(username, 1, UserRole.USER), "Secret1!", false, List.of()))
                    .isInstanceOf(EsTransientException.class)
                    .hasMessageContaining("HTTP 500");
            assertThat(client.userExists(username)).as("not applied").isFalse();
        }
        assertThat(client.addUser(SandboxFixtures.customer(username, 1, UserRole.USER), "Secret1!", false, List.of()))
                .isPositive();
    }

    private int failedProbes() {
        int failed = 0;
        for (int i = 0; i < 60; i++) {
            try {
                client.userExists("share-probe-" + i);
            } catch (EsTransientException e) {
                failed++;
            }
        }
        return failed;
    }

    @Test
    void anOutageIsTransientUntilItEnds() {
        faults.update(f -> f.withOutage(true, null));
        assertThatThrownBy(() -> client.userExists("serveradmin")).isInstanceOf(EsTransientException.class);

        // an outage until an instant: on before it (far enough ahead for a loaded machine), off once it has passed
        faults.set(FaultSettings.NONE.withOutage(false, Instant.now().plusSeconds(60)));
        assertThatThrownBy(() -> client.userExists("serveradmin")).isInstanceOf(EsTransientException.class);
        faults.set(FaultSettings.NONE.withOutage(false, Instant.now().minusMillis(1)));
        assertThat(client.userExists("serveradmin")).isTrue();
    }

    @Test
    void aSlowAnswerTimesTheClientOutButTheWriteIsApplied() {
        String username = SandboxFixtures.uniqueUsername("slow");
        faults.update(f -> f.withSlowAnswers(3_000, 1));

        long added = stats.calls("AddUser");
        assertThatThrownBy(() -> client.addUser(
                        SandboxFixtures.customer(username, 1, UserRole.USER), "Secret1!", false, List.of()))
                .isInstanceOf(EsTransientException.class);
        faults.clear();
        assertThat(client.userExists(username))
                .as("the write happened although the client gave up")
                .isTrue();
        assertThat(stats.calls("AddUser")).isEqualTo(added + 1);
    }
}
