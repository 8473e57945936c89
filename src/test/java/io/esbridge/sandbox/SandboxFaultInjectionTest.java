package io.esbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.awaitility.Awaitility;
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
        assertThatThrownBy(() -> client.userExists("serveradmin")).isInstanceOf(EsTransientException.class)
                .hasMessageContaining("deadlock");

        faults.set(FaultSettings.NONE.withHttpErrorShare(1, 500));
        assertThatThrownBy(() -> client.userExists("serveradmin")).isInstanceOf(EsTransientException.class)
                .hasMessageContaining("HTTP 500");
        faults.set(FaultSettings.NONE.withHttpErrorShare(1, 503));
        assertThatThrownBy(() -> client.getHostingPlans(1)).isInstanceOf(EsTransientException.class)
                .hasMessageContaining("HTTP 503");
    }

    @Test
    void aShareOfFailuresFailsAboutThatShareOfCalls() {
        faults.update(f -> f.withSoapFaultShare(0.5));
        int failed = 0;
        for (int i = 0; i < 60; i++) {
            try {
                client.userExists("serveradmin");
            } catch (EsTransientException e) {
                failed++;
            }
        }
        assertThat(failed).isBetween(10, 50);
    }

    @Test
    void anOutageIsTransientUntilItEnds() {
        faults.update(f -> f.withOutage(true, null));
        assertThatThrownBy(() -> client.userExists("serveradmin")).isInstanceOf(EsTransientException.class);

        faults.set(FaultSettings.NONE.withOutage(false, Instant.now().plusMillis(400)));
        assertThatThrownBy(() -> client.userExists("serveradmin")).isInstanceOf(EsTransientException.class);
        Awaitility.await().atMost(Duration.ofSeconds(3))
                .until(() -> !faults.settings().outageAt(Instant.now()));
        assertThat(client.userExists("serveradmin")).isTrue();
    }

    @Test
    void aSlowAnswerTimesTheClientOutButTheWriteIsApplied() {
        String username = SandboxFixtures.uniqueUsername("slow");
        faults.update(f -> f.withSlowAnswers(3_000, 1));

        long added = stats.calls("AddUser");
        assertThatThrownBy(() -> client.addUser(SandboxFixtures.customer(username, 1, UserRole.USER), "Secret1!",
                false, List.of())).isInstanceOf(EsTransientException.class);
        faults.clear();
        assertThat(client.userExists(username)).as("the write happened although the client gave up").isTrue();
        assertThat(stats.calls("AddUser")).isEqualTo(added + 1);
    }
}
