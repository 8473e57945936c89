package io.esbridge.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.cxf.message.Message;
import org.apache.cxf.message.MessageImpl;
import org.junit.jupiter.api.Test;

/**
 * The limit of calls in flight against a simulated panel of {@code c} workers: a round sends as many calls as the
 * limit allows at once, and they come back after {@code L × max(1, calls / c)}, as from a panel that queues what it
 * cannot serve (the mean latency of a steady stream of calls there). The clock is the simulation's, so a minute of panel time takes milliseconds and no assertion depends
 * on the machine's speed.
 */
class CallSlotsTest {

    private static final long L = TimeUnit.MILLISECONDS.toNanos(50);

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    private CallSlots slots(int ceiling, boolean adaptive, int initial) {
        EsServerProperties server = ContractFixtures.properties("http://localhost:1/", Brand.SOLIDCP)
                .withInFlight(ceiling, new EsServerProperties.InFlight(adaptive, initial));
        return new CallSlots(server, now::get);
    }

    /** Plays {@code seconds} of panel time; returns the highest limit seen. */
    private int play(CallSlots slots, int capacity, double seconds, CallSlots.Outcome outcome) {
        int highest = 0;
        long end = now.get() + (long) (seconds * 1e9);
        while (now.get() < end) {
            int calls = slots.limit();
            highest = Math.max(highest, calls);
            List<CallSlots.Attempt> round = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                round.add(slots.begin());
            }
            assertThat(slots.inFlight()).isEqualTo(calls);
            now.addAndGet((long) (L * Math.max(1.0, calls / (double) capacity)));
            round.forEach(attempt -> slots.end(attempt, outcome));
        }
        return highest;
    }

    @Test
    void growsUpToTheCeilingWhileLatencyStaysFlat() {
        CallSlots slots = slots(32, true, EsServerProperties.InFlight.DEFAULT.initial());

        int highest = play(slots, 1000, 60, CallSlots.Outcome.SUCCESS);

        assertThat(slots.limit()).isEqualTo(32);
        assertThat(highest).isEqualTo(32);
    }

    @Test
    void settlesNearTheCapacityOfAPanelThatQueues() {
        CallSlots slots = slots(64, true, EsServerProperties.InFlight.DEFAULT.initial());
        play(slots, 4, 30, CallSlots.Outcome.SUCCESS);

        int highest = play(slots, 4, 60, CallSlots.Outcome.SUCCESS);

        // at most 4 calls wait at the panel beyond its 4 workers, and the workers are kept busy
        assertThat(highest).isLessThanOrEqualTo(8);
        assertThat(slots.limit()).isBetween(4, 8);
    }

    @Test
    void shrinksWhenThePanelSlowsAndGrowsBackWhenItRecovers() {
        CallSlots slots = slots(64, true, EsServerProperties.InFlight.DEFAULT.initial());
        play(slots, 12, 40, CallSlots.Outcome.SUCCESS);
        assertThat(slots.limit()).isBetween(12, 20);

        play(slots, 4, 20, CallSlots.Outcome.SUCCESS);
        assertThat(slots.limit()).isBetween(4, 8);

        play(slots, 12, 20, CallSlots.Outcome.SUCCESS);
        assertThat(slots.limit()).isBetween(12, 20);
    }

    @Test
    void timeoutsAndBare5xxBackOffDownToOneCallNeverBelow() {
        CallSlots slots = slots(64, true, 32);

        play(slots, 1000, 60, CallSlots.Outcome.DROPPED);

        assertThat(slots.limit()).isEqualTo(1);
        CallSlots.Attempt stillOne = slots.begin();
        assertThat(slots.inFlight()).isEqualTo(1);
        slots.end(stillOne, CallSlots.Outcome.DROPPED);
        assertThat(slots.limit()).isEqualTo(1);
    }

    @Test
    void aFixedLimitStaysAtMaxInFlightWhateverThePanelDoes() {
        CallSlots slots = slots(8, false, 2);

        assertThat(play(slots, 2, 20, CallSlots.Outcome.SUCCESS)).isEqualTo(8);
        play(slots, 2, 20, CallSlots.Outcome.DROPPED);
        assertThat(play(slots, 1000, 20, CallSlots.Outcome.SUCCESS)).isEqualTo(8);
        assertThat(slots.limit()).isEqualTo(8);
        assertThat(slots.adaptive()).isFalse();
    }

    @Test
    void theStartIsCappedByTheCeiling() {
        assertThat(slots(4, true, 8).limit()).isEqualTo(4);
        assertThat(slots(64, true, 8).limit()).isEqualTo(8);
    }

    @Test
    void anAnswerIsASampleABare5xxADropAnythingElseIgnored() {
        assertThat(CallSlots.outcome(200, "text/xml; charset=utf-8")).isEqualTo(CallSlots.Outcome.SUCCESS);
        // a SOAP fault (deadlock text or a business fault) is the panel's quick answer: a sample of its latency
        assertThat(CallSlots.outcome(500, "text/xml; charset=utf-8")).isEqualTo(CallSlots.Outcome.SUCCESS);
        assertThat(CallSlots.outcome(503, "text/html")).isEqualTo(CallSlots.Outcome.DROPPED);
        assertThat(CallSlots.outcome(500, null)).isEqualTo(CallSlots.Outcome.DROPPED);
        assertThat(CallSlots.outcome(429, "text/plain")).isEqualTo(CallSlots.Outcome.DROPPED);
        assertThat(CallSlots.outcome(401, "text/html")).isEqualTo(CallSlots.Outcome.IGNORED);
        assertThat(CallSlots.outcome(404, "text/html")).isEqualTo(CallSlots.Outcome.IGNORED);
    }

    @Test
    void thePermitIsGivenBackWhicheverWayTheAttemptEnds() {
        CallSlots slots = slots(4, true, 4);

        slots.acquire();
        assertThat(slots.inFlight()).isEqualTo(1);
        Message answer = new MessageImpl();
        answer.put(Message.RESPONSE_CODE, 503);
        answer.put(Message.CONTENT_TYPE, "text/html");
        slots.giveBack().handleMessage(answer);
        assertThat(slots.inFlight()).isZero();
        slots.releaseHeld(null); // after an answer, the call's finally finds nothing held
        assertThat(slots.inFlight()).isZero();

        slots.acquire();
        slots.releaseHeld(new IllegalStateException(new SocketTimeoutException("Read timed out")));
        assertThat(slots.inFlight()).isZero();

        slots.acquire();
        slots.releaseHeld(new IllegalStateException("anything"));
        assertThat(slots.inFlight()).isZero();
    }

    @Test
    void aCallThatFailsOnTheWireGivesItsPermitBack() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        EnterpriseServerClient client = EnterpriseServerClient.create(
                ContractFixtures.properties("http://localhost:" + closedPort + "/", Brand.SOLIDCP)
                        .withInFlight(1, EsServerProperties.InFlight.DEFAULT));

        for (int i = 0; i < 3; i++) {
            // with a ceiling of 1, a permit kept by a failed call would make the next call wait for an hour
            assertThatThrownBy(() -> client.userExists("someone")).isInstanceOf(EsTransientException.class);
        }

        assertThat(client.callSlots()).hasValueSatisfying(slots -> {
            assertThat(slots.inFlight()).isZero();
            assertThat(slots.limit()).isEqualTo(1);
        });
    }
}
