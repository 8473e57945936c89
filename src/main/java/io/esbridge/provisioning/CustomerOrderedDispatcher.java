package io.esbridge.provisioning;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;

import io.esbridge.provisioning.ProvisioningException.Reason;
import io.esbridge.record.AddonRecord;
import io.esbridge.record.CustomerRecord;
import io.esbridge.record.RecordEnvelope;
import io.esbridge.record.SubscriptionRecord;

/**
 * Provisions records in parallel across customer trees and in order within one: records of one lane are drained by one
 * worker at a time (a reseller before its customers, a user before its packages, a package before its add-ons), while
 * lanes run on the pool together. A customer has a lane of its own, unless its owner (by {@code OwnerKey}) is still in
 * flight: then it, and its later records, join the owner's lane, so they apply after it. A customer whose owner is
 * neither linked nor in flight is parked under the owner's key (with everything that follows it) until the owner is
 * handed over, or, at the end of its run's input, released to fail with the precise reason (owner never provided, or
 * an owner cycle). A bounded number of records may wait, so a fast feed is slowed to the server's pace instead of
 * filling memory; parked records count in that bound, and at most half of it may be parked, so the other half always
 * lets the lanes (and the owner a parked record waits for) move. Each run can be awaited until all its records are
 * done, so a file is moved to done only once every record of it has an outcome.
 */
public class CustomerOrderedDispatcher implements AutoCloseable {

    /** What a worker does with a record: provisions it, or, given a refusal, fails it with that reason. */
    @FunctionalInterface
    public interface Work {
        void run(RecordEnvelope envelope, ProvisioningException refusal);
    }

    private record Entry(long sequence, RecordEnvelope envelope, ProvisioningException refusal) {}

    /** A customer's lane while records of it are in its lane (or the lane of its owner). */
    private static final class InFlight {
        final String lane;
        int records;

        InFlight(String lane) {
            this.lane = lane;
        }
    }

    private static final String PARKED = "parked:";

    private final ExecutorService workers;
    private final Work work;
    private final Semaphore capacity;
    private final int maxParked;
    private final Map<String, Queue<Entry>> lanes = new ConcurrentHashMap<>();
    private final Map<String, RunCounter> runs = new ConcurrentHashMap<>();
    /**
     * Subscription key → lane (or {@link #PARKED} + the key it waits under), for subscriptions handed over and not yet
     * provisioned (their links may not exist).
     */
    private final Map<String, String> subscriptionsInFlight = new ConcurrentHashMap<>();

    private final Function<String, Optional<String>> linkedCustomerOfSubscription;
    private final Predicate<String> customerLinked;

    /** Guards the placement of records: customers in flight, parked records, and the lanes they are put into. */
    private final Object placement = new Object();

    private final Map<String, InFlight> customersInFlight = new HashMap<>();
    /** Key waited for (an owner, or a parked customer) → the records waiting for it, in the order handed over. */
    private final Map<String, List<Entry>> parked = new HashMap<>();
    /** Parked customer key → the owner key it waits for (an owner chain, for the reasons given at the run's end). */
    private final Map<String, String> parkedCustomers = new HashMap<>();

    /** Lanes created under the placement lock, whose drains are started once it is released. */
    private final List<String> toStart = new ArrayList<>();

    private int parkedCount;
    private long sequence;

    /**
     * @param linkedCustomerOfSubscription the customer key a subscription is linked under in the state store, for an
     *                                     add-on that names only its subscription
     * @param customerLinked               whether a customer key has an applied link (as provisioning sees them: a dry
     *                                     run's overlay included)
     */
    public CustomerOrderedDispatcher(
            ExecutorService workers,
            int queueCapacity,
            Function<String, Optional<String>> linkedCustomerOfSubscription,
            Predicate<String> customerLinked,
            Work work) {
        this.workers = workers;
        this.work = work;
        this.linkedCustomerOfSubscription = linkedCustomerOfSubscription;
        this.customerLinked = customerLinked;
        this.capacity = new Semaphore(queueCapacity);
        this.maxParked = Math.max(1, queueCapacity / 2);
    }

    /** Hands a record over; waits while {@code queueCapacity} records are already waiting (parked ones included). */
    public void submit(RecordEnvelope envelope) throws InterruptedException {
        capacity.acquire();
        runs.computeIfAbsent(envelope.runId(), id -> new RunCounter()).increment();
        synchronized (placement) {
            place(new Entry(sequence++, envelope, null));
        }
        startLanes();
    }

    /**
     * The run's input is complete: no record of it is still to come, so none of its parked records can still find its
     * owner in this run. They are released, in the order handed over, into one lane: each parked customer fails with
     * why its owner never came (not provided, or a cycle), and what followed it fails as records of an unprovisioned
     * customer do.
     */
    public void inputComplete(String runId) {
        synchronized (placement) {
            Map<String, String> chains = new HashMap<>(parkedCustomers);
            List<Entry> released = new ArrayList<>();
            for (Iterator<List<Entry>> lists = parked.values().iterator(); lists.hasNext(); ) {
                List<Entry> list = lists.next();
                for (Iterator<Entry> entries = list.iterator(); entries.hasNext(); ) {
                    Entry entry = entries.next();
                    if (entry.envelope().runId().equals(runId)) {
                        released.add(entry);
                        entries.remove();
                    }
                }
                if (list.isEmpty()) {
                    lists.remove();
                }
            }
            if (released.isEmpty()) {
                return;
            }
            parkedCount -= released.size();
            released.sort(Comparator.comparingLong(Entry::sequence));
            String lane = "released:" + runId;
            for (Entry entry : released) {
                ProvisioningException refusal = null;
                if (entry.envelope().payload() instanceof CustomerRecord customer) {
                    parkedCustomers.remove(customer.key());
                    refusal = ownerNeverCame(customer, chains, runId);
                }
                enqueue(lane, new Entry(entry.sequence(), entry.envelope(), refusal));
            }
        }
        startLanes();
    }

    /**
     * Starts the drains of the lanes just created, outside the placement lock: a pool that runs a task in the caller's
     * thread when its queue is full would otherwise provision while holding it.
     */
    private void startLanes() {
        List<String> started;
        synchronized (placement) {
            started = new ArrayList<>(toStart);
            toStart.clear();
        }
        started.forEach(lane -> workers.execute(() -> drain(lane)));
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
            Entry next = nextOf(lane);
            if (next == null) {
                return;
            }
            RecordEnvelope envelope = next.envelope();
            try {
                work.run(envelope, next.refusal());
            } finally {
                if (envelope.payload() instanceof SubscriptionRecord subscription) {
                    // its link, if any, is written by now: a later add-on finds the customer in the state store
                    subscriptionsInFlight.remove(subscription.key(), lane);
                }
                if (envelope.payload() instanceof CustomerRecord customer) {
                    // its link, if any, is written by now: a later customer of it finds its owner in the state store
                    customerDone(customer.key(), lane);
                }
                capacity.release();
                runs.get(envelope.runId()).decrement();
            }
        }
    }

    /** The lane's next record, or null after removing the lane when it is empty (atomically with submit). */
    private Entry nextOf(String lane) {
        Entry[] next = {null};
        lanes.compute(lane, (key, queue) -> {
            next[0] = queue.poll();
            return next[0] == null ? null : queue;
        });
        return next[0];
    }

    private void enqueue(String lane, Entry entry) {
        boolean[] startDrain = {false};
        lanes.compute(lane, (key, queue) -> {
            if (queue == null) {
                queue = new ArrayDeque<>();
                startDrain[0] = true;
            }
            queue.add(entry);
            return queue;
        });
        if (startDrain[0]) {
            toStart.add(lane);
        }
    }

    /** Puts a record into its lane, or parks it; a customer put into a lane takes what waited for it along. */
    private void place(Entry entry) {
        RecordEnvelope envelope = entry.envelope();
        String waitFor = waitKeyOf(envelope);
        if (waitFor != null) {
            if (parkedCount < maxParked) {
                park(waitFor, entry);
                return;
            }
            if (envelope.payload() instanceof CustomerRecord customer) {
                enqueueCustomer(
                        "customer:" + customer.key(), new Entry(entry.sequence(), envelope, parkFull(customer)));
                return;
            }
            // a record of a parked customer when the park is full: its own lane, failing as one of a customer not
            // provisioned (its customer cannot be created before its owner anyway)
            enqueue("customer:" + envelope.customerKey(), entry);
            return;
        }
        String lane = laneOf(envelope);
        if (envelope.payload() instanceof CustomerRecord) {
            enqueueCustomer(lane, entry);
        } else {
            if (envelope.payload() instanceof SubscriptionRecord subscription) {
                subscriptionsInFlight.put(subscription.key(), lane);
            }
            enqueue(lane, entry);
        }
    }

    private void park(String waitFor, Entry entry) {
        RecordEnvelope envelope = entry.envelope();
        parked.computeIfAbsent(waitFor, k -> new ArrayList<>()).add(entry);
        parkedCount++;
        if (envelope.payload() instanceof CustomerRecord customer
                && !customer.key().equals(waitFor)) {
            parkedCustomers.put(customer.key(), waitFor);
        }
        if (envelope.payload() instanceof SubscriptionRecord subscription) {
            subscriptionsInFlight.put(subscription.key(), PARKED + waitFor);
        }
    }

    /** A customer into a lane: in flight there, and the records parked under its key follow it, in their order. */
    private void enqueueCustomer(String lane, Entry entry) {
        CustomerRecord customer = (CustomerRecord) entry.envelope().payload();
        customersInFlight.computeIfAbsent(customer.key(), k -> new InFlight(lane)).records++;
        enqueue(lane, entry);
        List<Entry> waiting = parked.remove(customer.key());
        if (waiting == null) {
            return;
        }
        parkedCount -= waiting.size();
        for (Entry follower : waiting) {
            RecordEnvelope envelope = follower.envelope();
            if (envelope.payload() instanceof CustomerRecord owned) {
                parkedCustomers.remove(owned.key());
                enqueueCustomer(lane, follower);
            } else {
                if (envelope.payload() instanceof SubscriptionRecord subscription) {
                    subscriptionsInFlight.put(subscription.key(), lane);
                }
                enqueue(lane, follower);
            }
        }
    }

    private void customerDone(String key, String lane) {
        synchronized (placement) {
            InFlight inFlight = customersInFlight.get(key);
            if (inFlight != null && inFlight.lane.equals(lane) && --inFlight.records == 0) {
                customersInFlight.remove(key);
            }
        }
    }

    /**
     * The key a record must wait under, or null when it can go into a lane now: a customer whose owner is neither in
     * flight nor linked waits for the owner; a record of a parked customer (a second record of it, its subscriptions,
     * its add-ons, customers it owns) waits for that customer.
     */
    private String waitKeyOf(RecordEnvelope envelope) {
        String customer = envelope.customerKey();
        if (customer != null && !customer.isEmpty()) {
            if (parkedCustomers.containsKey(customer)) {
                return customer;
            }
            if (envelope.payload() instanceof CustomerRecord record) {
                String owner = CustomerOwners.keyOf(record);
                if (owner == null
                        || owner.equals(record.key())
                        || customersInFlight.containsKey(owner)
                        || (!parkedCustomers.containsKey(owner) && customerLinked.test(owner))) {
                    return null; // a customer owning itself goes on, and fails OWNER_CYCLE in provisioning
                }
                return owner;
            }
            return null;
        }
        if (envelope.payload() instanceof AddonRecord addon && addon.subscriptionKey() != null) {
            String inFlight = subscriptionsInFlight.get(addon.subscriptionKey());
            if (inFlight != null && inFlight.startsWith(PARKED)) {
                return inFlight.substring(PARKED.length());
            }
        }
        return null;
    }

    /**
     * A record's lane: its customer's, or the lane its customer is in flight in (its owner's). A customer whose owner
     * is in flight joins the owner's lane. An add-on that names only its subscription (billing exports often do) joins
     * the lane of that subscription's customer, so it still applies after its subscription: the customer of a
     * subscription still in flight, else the one its link names. A subscription known to neither gets a lane of its
     * own, and the add-on fails SUBSCRIPTION_NOT_PROVISIONED as any add-on of an unprovisioned subscription does.
     */
    private String laneOf(RecordEnvelope envelope) {
        String customer = envelope.customerKey();
        if (customer != null && !customer.isEmpty()) {
            InFlight own = customersInFlight.get(customer);
            if (own != null) {
                return own.lane;
            }
            if (envelope.payload() instanceof CustomerRecord record) {
                String owner = CustomerOwners.keyOf(record);
                InFlight ownerInFlight = owner == null ? null : customersInFlight.get(owner);
                if (ownerInFlight != null) {
                    return ownerInFlight.lane;
                }
            }
            return "customer:" + customer;
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

    /** Why a parked customer's owner never came: the chain of parked owners ends in a key never provided, or loops. */
    private static ProvisioningException ownerNeverCame(
            CustomerRecord customer, Map<String, String> chains, String runId) {
        List<String> path = new ArrayList<>();
        path.add(customer.key());
        String current = CustomerOwners.keyOf(customer);
        while (current != null && !path.contains(current) && chains.containsKey(current)) {
            path.add(current);
            current = chains.get(current);
        }
        if (current != null && path.contains(current)) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(current), path.size()));
            cycle.add(current);
            Collections.reverse(cycle); // path follows "is owned by"; the reason reads "owns"
            String named = String.join(" owns ", cycle);
            if (path.indexOf(current) == 0) {
                return new ProvisioningException(
                        Reason.OWNER_CYCLE,
                        "customer " + customer.key() + " is in an owner cycle (" + named
                                + ", by OwnerKey): none of them can be created first; break the cycle in billing");
            }
            return new ProvisioningException(
                    Reason.OWNER_NOT_PROVISIONED,
                    "customer " + customer.key() + " is owned by customer " + path.get(1)
                            + ", whose owners form a cycle (" + named + ", by OwnerKey)");
        }
        String chain = path.size() > 1 ? " (owner chain " + String.join(" → ", path) + " → " + current + ")" : "";
        return new ProvisioningException(
                Reason.OWNER_NOT_PROVISIONED,
                "customer " + customer.key() + " waits for its owner, but no input provided customer " + current
                        + chain + " before the end of run " + runId
                        + " and it is not provisioned (if the input had it, its own failure says why): import customer "
                        + current + ", then replay this record");
    }

    private ProvisioningException parkFull(CustomerRecord customer) {
        return new ProvisioningException(
                Reason.OWNER_NOT_PROVISIONED,
                "customer " + customer.key() + " is owned by customer " + CustomerOwners.keyOf(customer)
                        + ", which is not provisioned yet, and " + maxParked + " records (half of"
                        + " es.provisioning.queue-capacity) already wait for their owners: put resellers before their"
                        + " customers, or replay this record once its owner is provisioned");
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
