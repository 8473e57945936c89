package io.esbridge.errors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

import io.esbridge.deadletter.DeadLetter;
import io.esbridge.deadletter.ReplayService;
import io.esbridge.run.RunReport;
import io.esbridge.sandbox.FaultSettings;

/**
 * The retry window is bounded: an outage longer than it dead-letters the records as transient failures (here with a
 * window of a few hundred milliseconds), and a replay once the server is back provisions them and resolves the dead
 * letters. Each record says once that it is retried, not at every redelivery.
 */
@TestPropertySource(
        properties = {
            "es.errors.max-redeliveries=3",
            "es.errors.redelivery-delay=50",
            "es.errors.max-redelivery-delay=100",
            "es.sandbox.datasource-url=jdbc:h2:mem:sandbox-errors-window;DB_CLOSE_DELAY=-1",
            "spring.datasource.url=jdbc:h2:mem:state-errors-window;DB_CLOSE_DELAY=-1",
            "es.feeds.inbox=target/errors-test/inbox-window"
        })
@ExtendWith(OutputCaptureExtension.class)
class RetryWindowExhaustedTest extends ErrorChannelTestSupport {

    @Test
    void anOutageLongerThanTheRetryWindowDeadLettersTransientlyAndAReplayProvisionsOnce(CapturedOutput log)
            throws Exception {
        String prefix = unique("window");
        faults.set(FaultSettings.NONE.withOutage(true, null));
        RunReport report = importFile(write("customers-" + prefix + ".csv", CUSTOMERS_HEADER, customers(prefix, 4)));
        faults.clear();

        assertThat(report.failed()).isEqualTo(4);
        for (int i = 1; i <= 4; i++) {
            String line = "(CUSTOMER " + prefix + "-C" + i + "): AddUser: HTTP 503 Service Unavailable without a SOAP"
                    + " answer; retrying with backoff";
            assertThat(log.getOut().split(java.util.regex.Pattern.quote(line), -1))
                    .as("lines saying " + line)
                    .hasSize(2);
        }
        assertThat(log.getOut()).doesNotContain("On delivery attempt");
        assertThat(deadLetters.openOfRun(report.runId())).hasSize(4).allSatisfy(d -> {
            assertThat(d.errorKind()).isEqualTo("TRANSIENT");
            assertThat(d.message()).contains("attempts");
            assertThat(d.hasSecret()).isTrue();
        });

        circuitBreaker.reset();
        ReplayService.ReplayResult replay = replays.replay(new ReplayService.Selection(report.runId(), null, null));
        assertThat(replay.report().identityHolds())
                .as(replay.report().summary())
                .isTrue();
        assertThat(replay.report().created()).isEqualTo(4);
        assertThat(replay.notReplayed()).isEmpty();
        assertThat(deadLetters.open()).extracting(DeadLetter::billingKey).noneMatch(k -> k.startsWith(prefix));
        for (int i = 1; i <= 4; i++) {
            assertThat(usersNamed(prefix + "u" + i)).isEqualTo(1);
        }
    }
}
