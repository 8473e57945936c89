package io.esbridge.sandbox;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The panel's workers ({@link FaultSettings#capacity()}): a call beyond them waits, first come first served, until
 * one is free. The capacity is read live, so a benchmark can take workers away mid-run (a backup job on the panel's
 * SQL Server) and give them back. Without a capacity a call only counts itself in.
 */
final class PanelWorkers {

    // fair: the longest waiting call gets the next free worker, as in a server's request queue, so the queue's time
    // lands on every call alike instead of starving a few
    private final ReentrantLock lock = new ReentrantLock(true);
    private final Condition free = lock.newCondition();
    private final Supplier<FaultSettings> settings;
    private int busy;
    private int waiting;

    PanelWorkers(Supplier<FaultSettings> settings) {
        this.settings = settings;
    }

    /**
     * Waits for a free worker and takes it; {@link #leave} must follow.
     *
     * @return the calls still waiting behind this one when it got its worker (what contention slows it by)
     */
    int enter(SandboxStats stats) {
        lock.lock();
        try {
            if (busy >= capacity()) {
                waiting++;
                stats.panelQueue(waiting);
                try {
                    while (busy >= capacity()) {
                        free.awaitUninterruptibly();
                    }
                } finally {
                    waiting--;
                    stats.panelQueue(waiting);
                }
            }
            busy++;
            return waiting;
        } finally {
            lock.unlock();
        }
    }

    void leave() {
        lock.lock();
        try {
            busy--;
            free.signal();
        } finally {
            lock.unlock();
        }
    }

    /** The capacity changed: a larger one lets waiting calls in now. */
    void capacityChanged() {
        lock.lock();
        try {
            free.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private int capacity() {
        int capacity = settings.get().capacity();
        return capacity <= 0 ? Integer.MAX_VALUE : capacity;
    }
}
