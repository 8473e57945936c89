package io.esbridge.migrate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;

import io.esbridge.client.DataSetTables;
import io.esbridge.client.EnterpriseServerClient;
import io.esbridge.client.EsTransientException;
import io.esbridge.contract.PackageInfo;
import io.esbridge.contract.UserInfo;
import io.esbridge.migrate.SourceSnapshot.SourcePlan;

/**
 * Reads a whole Enterprise Server over its API (facts: shared/reference/resellers-and-migration.md §2): the user tree,
 * every user whole, their spaces and the spaces' add-ons, and the plans and add-on plans of every owner with their
 * groups and quotas. Only read operations are called.
 */
final class SourceReader {

    /** serveradmin: the root of the tree, and the owner of the administrator's plans. */
    static final int ADMINISTRATOR = 1;

    private final EnterpriseServerClient source;
    /** Calls on the wire at once; the source client's own bound (es.server.max-in-flight, CallSlots) holds anyway. */
    private final int parallelism;
    /** Answers of an earlier read that the source cut off, and where this read's answers are kept. */
    private final ReadJournal journal;
    /** A read the source answered transiently (5xx, timeout, refused connection) is asked again, paced. */
    private final Retry retry;

    SourceReader(EnterpriseServerClient source, int parallelism, ReadJournal journal, RetryConfig retry) {
        this.source = source;
        this.parallelism = Math.max(1, parallelism);
        this.journal = journal;
        this.retry = Retry.of("migration source", retry);
    }

    /**
     * Without a retry, one 503 among a large panel's ten thousand reads would end the whole read; with five, only a
     * source that stays down for about half a minute does, and then {@link ReadJournal} keeps what was read.
     */
    static RetryConfig patientRetry(MigrationReadProperties read) {
        return RetryConfig.custom()
                .maxAttempts(read.attempts())
                .intervalFunction(
                        IntervalFunction.ofExponentialRandomBackoff(read.backoff(), 2.0, 0.3, Duration.ofSeconds(10)))
                .retryOnException(e -> e instanceof EsTransientException)
                .build();
    }

    /** The whole source. */
    SourceSnapshot read() {
        return readRest(readFirst());
    }

    /**
     * The users, each read whole, and the administrator's plans: everything the first two stages of a migration need,
     * so that they can be provisioned while {@link #readRest} reads the spaces (the target and the source each keep
     * their own bound on calls in flight, so the two overlap instead of taking turns).
     */
    SourceSnapshot readFirst() {
        return readFirst(user -> {});
    }

    /** The same, handing each user read whole to {@code each} as soon as it and every user before it are read. */
    SourceSnapshot readFirst(java.util.function.Consumer<UserInfo> each) {
        // GetUsers carries no password, address or phones: each user is read again whole
        // one call after another, a source at 50 ms a call was read at 15 users a second: the reads of different users
        // and spaces do not depend on each other, so they go out side by side, kept in the order listed
        List<UserInfo> listed = ask("users", ReadJournal.USERS, () -> source.getUsers(ADMINISTRATOR, true));
        // in tree order from the listing (which has every user's owner), so that each user can be provisioned as
        // soon as it is read: its owner was read, and handed on, before it
        List<UserInfo> users = inParallel(
                ownersFirst(listed),
                user -> ask(
                                "user:" + user.getUserId(),
                                ReadJournal.OPTIONAL_USER,
                                () -> source.getUserById(user.getUserId()))
                        .orElse(user),
                each);
        List<SourcePlan> plans = inParallel(plansOf(List.of(ADMINISTRATOR)), this::plan);
        return new SourceSnapshot(ADMINISTRATOR, users, List.of(), Map.of(), plans, Map.of());
    }

    /** {@code first} with every user's spaces, their add-ons and own limits, and the plans of the other owners. */
    SourceSnapshot readRest(SourceSnapshot first) {
        List<UserInfo> users = first.users();
        List<PackageInfo> spaces = new ArrayList<>();
        for (List<PackageInfo> own : inParallel(
                users,
                user -> ask(
                        "spaces:" + user.getUserId(),
                        ReadJournal.SPACES,
                        () -> source.getMyPackages(user.getUserId())))) {
            spaces.addAll(own);
        }
        Map<Integer, List<Map<String, String>>> addons = new LinkedHashMap<>();
        List<List<Map<String, String>>> ofSpaces = inParallel(
                spaces,
                space -> ask(
                        "addons:" + space.getPackageId(),
                        ReadJournal.ROWS,
                        () -> source.getPackageAddons(space.getPackageId())));
        for (int i = 0; i < spaces.size(); i++) {
            addons.put(spaces.get(i).getPackageId(), ofSpaces.get(i));
        }
        // only users who own users or spaces can own plans worth reading; a plain customer's answer would be empty
        List<Integer> owners = users.stream()
                .filter(u -> u.getRoleId() != 3)
                .map(UserInfo::getUserId)
                .toList();
        List<SourcePlan> plans = new ArrayList<>(first.plans());
        plans.addAll(inParallel(plansOf(owners), this::plan));
        // a space with its own limits holds them in its quotas, not in its plan (reference §2, GetPackageQuotas)
        List<PackageInfo> overriding =
                spaces.stream().filter(PackageInfo::isOverrideQuotas).toList();
        Map<Integer, Map<Integer, Integer>> spaceQuotas = new LinkedHashMap<>();
        List<List<Map<String, String>>> quotaRows = inParallel(
                overriding,
                space -> ask("space-quotas:" + space.getPackageId(), ReadJournal.ROWS, () -> source.getPackageQuotas(
                                space.getPackageId())
                        .table("Table1")));
        for (int i = 0; i < overriding.size(); i++) {
            Map<Integer, Integer> values = new LinkedHashMap<>();
            for (Map<String, String> row : quotaRows.get(i)) {
                values.put(SourceSnapshot.intOf(row.get("QuotaID")), SourceSnapshot.intOf(row.get("QuotaValue")));
            }
            spaceQuotas.put(overriding.get(i).getPackageId(), values);
        }
        return new SourceSnapshot(ADMINISTRATOR, users, spaces, addons, plans, spaceQuotas);
    }

    /** The plan and add-on plan rows of these owners. */
    private List<Map<String, String>> plansOf(List<Integer> owners) {
        List<Map<String, String>> planRows = new ArrayList<>();
        for (List<Map<String, String>> own : inParallel(owners, owner -> {
            List<Map<String, String>> rows =
                    new ArrayList<>(ask("plans:" + owner, ReadJournal.ROWS, () -> source.getHostingPlans(owner)));
            rows.addAll(ask("addon-plans:" + owner, ReadJournal.ROWS, () -> source.getHostingAddons(owner)));
            return rows;
        })) {
            planRows.addAll(own);
        }
        return planRows;
    }

    /** The kept answer, else the source's (asked again while it answers transiently), kept. */
    private <T> T ask(String key, ReadJournal.Codec<T> codec, java.util.function.Supplier<T> call) {
        return journal.read(key, codec, () -> retry.executeSupplier(call));
    }

    /** {@code read} of every item, at most {@code parallelism} at once, answered in the items' order. */
    private <T, R> List<R> inParallel(List<T> items, Function<T, R> read) {
        return inParallel(items, read, answer -> {});
    }

    /** The same, handing each answer to {@code each} in the items' order as soon as it is in. */
    private <T, R> List<R> inParallel(List<T> items, Function<T, R> read, java.util.function.Consumer<R> each) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, Math.max(1, items.size())));
        try {
            List<Future<R>> reads = new ArrayList<>(items.size());
            for (T item : items) {
                reads.add(pool.submit(() -> read.apply(item)));
            }
            List<R> answers = new ArrayList<>(items.size());
            for (Future<R> answer : reads) {
                R got = answered(answer);
                answers.add(got);
                each.accept(got);
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A read's answer once it is in; the read's own exception (a fault, an unreachable source) as a sequential read
     * would have thrown it.
     */
    static <R> R answered(Future<R> read) {
        try {
            return read.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("reading the source was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private SourcePlan plan(Map<String, String> row) {
        int planId = Integer.parseInt(row.get("PlanID").strip());
        Map<String, List<Map<String, String>>> tables = ask("plan-quotas:" + planId, ReadJournal.TABLES, () -> {
            DataSetTables answer = source.getHostingPlanQuotas(0, planId, 0);
            return Map.of("Table", answer.table("Table"), "Table1", answer.table("Table1"));
        });
        return new SourcePlan(row, tables.get("Table"), tables.get("Table1"));
    }

    /**
     * Owners before the users they own, whatever order the server listed them in: the target's dispatcher orders a
     * customer after its owner within one run, and a tree-ordered run makes a report that reads top down.
     */
    static List<UserInfo> ownersFirst(List<UserInfo> users) {
        List<UserInfo> ordered = new ArrayList<>();
        Set<Integer> placed = new HashSet<>(Set.of(ADMINISTRATOR));
        List<UserInfo> waiting = new ArrayList<>(users);
        while (!waiting.isEmpty()) {
            List<UserInfo> ready = waiting.stream()
                    .filter(u -> placed.contains(u.getOwnerId()))
                    .toList();
            if (ready.isEmpty()) {
                // owners outside the tree read (a cycle, or a user moved while reading): the target's checks name them
                ordered.addAll(waiting);
                break;
            }
            ready.forEach(u -> placed.add(u.getUserId()));
            ordered.addAll(ready);
            waiting.removeAll(ready);
        }
        return ordered;
    }
}
