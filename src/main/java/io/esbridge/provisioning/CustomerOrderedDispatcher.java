package io.esbridge.provisioning;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

import io.esbridge.record.AddonRecord;
import io.esbridge.record.RecordEnvelope;
import io.esbridge.record.SubscriptionRecord;

/**
 * Provisions records in parallel across customers and in order within one: records of one customer key form a lane
 * that one worker drains at a time (a user before its packages, a package before its add-ons), while lanes of
 * different customers run on the pool together. A bounded number of records may wait, so a fast feed is slowed to
 * the server's pace instead of filling memory. Each run can be awaited until all its records are done, so a file is
 * moved to done only once every record of it has an outcome.
 */
public class CustomerOrderedDispatcher implements AutoCloseable {

    private final ExecutorService workers;
    private final Consumer<RecordEnvelope> provisioner;
    private final Semaphore capacity;
    private final Map<String, Queue<RecordEnvelope>> lanes = new ConcurrentHashMap<>();
    private final Map<String, RunCounter> runs = new ConcurrentHashMap<>();
    /** Subscription key → lane, for subscriptions handed over and not yet provisioned (their links may not exist). */
    private final Map<String, String> subscriptionsInFlight = new ConcurrentHashMap<>();

    private final Function<String, Optional<String>> linkedCustomerOfSubscription;

    /**
     * @param linkedCustomerOfSubscription the customer key a subscription is linked under in the state store, for an
     *                                     add-on that names only its subscription
     */
    public CustomerOrderedDispatcher(
            ExecutorService workers,
            int queueCapacity,
            Function<String, Optional<String>> linkedCustomerOfSubscription,
            Consumer<RecordEnvelope> provisioner) {
        this.workers = workers;
        this.provisioner = provisioner;
        this.linkedCustomerOfSubscription = linkedCustomerOfSubscription;
        this.capacity = new Semaphore(queueCapacity);
    }

    /** Hands a record over; waits while {@code queueCapacity} records are already waiting. */
    public void submit(RecordEnvelope envelope) throws InterruptedException {
        capacity.acquire();
        runs.computeIfAbsent(envelope.runId(), id -> new RunCounter()).increment();
        String lane = laneOf(envelope);
        boolean[] startDrain = {false};
        lanes.compute(lane, (key, queue) -> {
            if (queue == null) {
                queue = new ArrayDeque<>();
                startDrain[0] = true;
            }
            queue.add(envelope);
            return queue;
        });
        if (startDrain[0]) {
            workers.execute(() -> drain(lane));
        }
    }

    /** Waits until every record handed over for the run has been provisioned (or has failed). */
    public boolean awaitRun(String runId, long timeout, TimeUnit unit) throws InterruptedException {
        RunCounter counter = runs.get(runId);
        if (counter == null) {
            return true;
        }
        boolean done = counter.awaitZero(unit.toMillis(timeout));
        if (done) {
            runs.remove(runId, counter);
        }
        return done;
    }

    private void drain(String lane) {
        while (true) {
            RecordEnvelope next = nextOf(lane);
            if (next == null) {
                return;
            }
            try {
                provisioner.accept(next);
            } finally {
                if (next.payload() instanceof SubscriptionRecord subscription) {
                    // its link, if any, is written by now: a later add-on finds the customer in the state store
                    subscriptionsInFlight.remove(subscription.key(), lane);
                }
                capacity.release();
                runs.get(next.runId()).decrement();
            }
        }
    }

    /** The lane's next record, or null after removing the lane when it is empty (atomically with submit). */
    private RecordEnvelope nextOf(String lane) {
        RecordEnvelope[] next = {null};
        lanes.compute(lane, (key, queue) -> {
            next[0] = queue.poll();
            return next[0] == null ? null : queue;
        });
        return next[0];
    }

    /**
     * A record's lane: its customer's. An add-on that names only its subscription (billing exports often do) joins the
     * lane of that subscription's customer, so it still applies after its subscription: the customer of a
     * subscription still in flight, else the one its link names. A subscription known to neither gets a lane of its
     * own, and the add-on fails SUBSCRIPTION_NOT_PROVISIONED as any add-on of an unprovisioned subscription does.
     */
    private String laneOf(RecordEnvelope envelope) {
        String customer = envelope.customerKey();
        if (customer != null && !customer.isEmpty()) {
            String lane = "customer:" + customer;
            if (envelope.payload() instanceof SubscriptionRecord subscription) {
                subscriptionsInFlight.put(subscription.key(), lane);
            }
            return lane;
        }
        if (envelope.payload() instanceof AddonRecord addon && addon.subscriptionKey() != null) {
            String inFlight = subscriptionsInFlight.get(addon.subscriptionKey());
            if (inFlight != null) {
                return inFlight;
            }
            Optional<String> linked = linkedCustomerOfSubscription.apply(addon.subscriptionKey());
            if (linked.isPresent()) {
                return "customer:" + linked.get();
            }
            return "subscription:" + addon.subscriptionKey();
        }
        return envelope.type() + ":" + envelope.billingKey();
    }

    @Override
    public void close() {
        workers.shutdown();
    }

    /** Records of one run handed over and not yet done. */
    private static final class RunCounter {
        private long pending;

        synchronized void increment() {
            pending++;
        }

        synchronized void decrement() {
            pending--;
            if (pending == 0) {
                notifyAll();
            }
        }

        synchronized boolean awaitZero(long millis) throws InterruptedException {
            long deadline = System.currentTimeMillis() + millis;
            while (pending > 0) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    return false;
                }
                wait(left);
            }
            return true;
        }
    }
}
