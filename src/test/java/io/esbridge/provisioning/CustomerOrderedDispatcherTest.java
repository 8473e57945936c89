package io.esbridge.provisioning;

import static io.esbridge.provisioning.Envelopes.customer;
import static io.esbridge.provisioning.Envelopes.subscription;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.esbridge.contract.PackageStatus;
import io.esbridge.contract.UserStatus;
import io.esbridge.record.CustomerRecord;
import io.esbridge.record.ProvisioningRecord;

/**
 * The dispatcher's placement on its own (its real lanes and pool, no server): which record waits for which, in what
 * order parked records follow their owner, and what is refused, with which reason, when the run's input ends.
 */
class CustomerOrderedDispatcherTest {

    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    /** Keys "provisioned" so far: a customer handed to the work counts as linked from then on. */
    private final Map<String, Boolean> linked = new ConcurrentHashMap<>();

    private final List<String> done = new CopyOnWriteArrayList<>();
    private final Map<String, ProvisioningException> refused = new ConcurrentHashMap<>();

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    private CustomerOrderedDispatcher dispatcher(int capacity) {
        return new CustomerOrderedDispatcher(
                pool, capacity, key -> Optional.empty(), linked::containsKey, (envelope, refusal) -> {
                    if (refusal != null) {
                        refused.put(envelope.billingKey(), refusal);
                    } else if (envelope.payload() instanceof CustomerRecord) {
                        linked.put(envelope.billingKey(), true);
                    }
                    done.add(envelope.billingKey());
                });
    }

    @Test
    void recordsBeforeTheirOwnerFollowItInOrderAndTheRunWaitsForThem() throws Exception {
        CustomerOrderedDispatcher dispatcher = dispatcher(100);
        submit(dispatcher, "run", owned("c1", "r"), subscription("c1-s", "c1", "Starter", "x", PackageStatus.ACTIVE));
        submit(dispatcher, "run", owned("c2", "c1"));
        assertThat(dispatcher.awaitRun("run", 200, TimeUnit.MILLISECONDS))
                .as("parked records count in their run")
                .isFalse();
        submit(dispatcher, "run", reseller("r"));

        assertThat(dispatcher.awaitRun("run", 10, TimeUnit.SECONDS)).isTrue();
        assertThat(done).containsExactly("r", "c1", "c1-s", "c2");
        assertThat(refused).isEmpty();
    }

    @Test
    void atTheEndOfItsInputARunsParkedRecordsFailWithWhyTheirOwnerNeverCame() throws Exception {
        CustomerOrderedDispatcher dispatcher = dispatcher(100);
        submit(
                dispatcher,
                "run",
                owned("a", "b"),
                owned("b", "c"),
                owned("c", "a"),
                owned("x", "never"),
                owned("y", "x"));
        submit(dispatcher, "other", owned("z", "never"));

        dispatcher.inputComplete("run");

        assertThat(dispatcher.awaitRun("run", 10, TimeUnit.SECONDS)).isTrue();
        assertThat(refused.get("a").reason()).isEqualTo(ProvisioningException.Reason.OWNER_CYCLE);
        assertThat(refused.get("a").getMessage())
                .as("a is owned by b, b by c, c by a")
                .contains("a owns c owns b owns a");
        assertThat(refused.get("b").reason()).isEqualTo(ProvisioningException.Reason.OWNER_CYCLE);
        assertThat(refused.get("x").reason()).isEqualTo(ProvisioningException.Reason.OWNER_NOT_PROVISIONED);
        assertThat(refused.get("x").getMessage()).contains("no input provided customer never");
        assertThat(refused.get("y").getMessage())
                .contains("no input provided customer never")
                .contains("y → x → never");
        assertThat(done)
                .as("another run's parked record waits for its own run's end")
                .doesNotContain("z");
        dispatcher.inputComplete("other");
        assertThat(dispatcher.awaitRun("other", 10, TimeUnit.SECONDS)).isTrue();
        assertThat(done).contains("z");
    }

    @Test
    void atMostHalfTheCapacityIsParkedAndTheRestIsRefusedAtOnce() throws Exception {
        CustomerOrderedDispatcher dispatcher = dispatcher(4);
        submit(dispatcher, "run", owned("p1", "never"), owned("p2", "never"), owned("p3", "never"));

        // the other half still lets records through, e.g. the owner they wait for
        submit(dispatcher, "run", reseller("never"));

        assertThat(dispatcher.awaitRun("run", 10, TimeUnit.SECONDS)).isTrue();
        assertThat(refused.keySet())
                .as("the third was not parked: half of the capacity of 4 was")
                .containsExactly("p3");
        assertThat(refused.get("p3").getMessage()).contains("2 records").contains("es.provisioning.queue-capacity");
        assertThat(done).containsSubsequence("never", "p1", "p2").contains("p3");
    }

    private static void submit(CustomerOrderedDispatcher dispatcher, String runId, ProvisioningRecord... records)
            throws InterruptedException {
        for (ProvisioningRecord record : records) {
            dispatcher.submit(Envelopes.envelope(runId, 1, record));
        }
    }

    private static CustomerRecord owned(String key, String ownerKey) {
        return ResellerTreesTest.ownedBy(customer(key, key, key + "@example.com", UserStatus.ACTIVE), ownerKey);
    }

    private static CustomerRecord reseller(String key) {
        return ResellerTreesTest.reseller(key);
    }
}
