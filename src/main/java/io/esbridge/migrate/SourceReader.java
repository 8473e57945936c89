package io.esbridge.migrate;

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

import io.esbridge.client.DataSetTables;
import io.esbridge.client.EnterpriseServerClient;
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

    SourceReader(EnterpriseServerClient source, int parallelism) {
        this.source = source;
        this.parallelism = Math.max(1, parallelism);
    }

    SourceSnapshot read() {
        // GetUsers carries no password, address or phones: each user is read again whole
        // one call after another, a source at 50 ms a call was read at 15 users a second: the reads of different users
        // and spaces do not depend on each other, so they go out side by side, kept in the order listed
        List<UserInfo> users = ownersFirst(
                inParallel(source.getUsers(ADMINISTRATOR, true), listed -> source.getUserById(listed.getUserId())
                        .orElse(listed)));
        List<PackageInfo> spaces = new ArrayList<>();
        for (List<PackageInfo> own : inParallel(users, user -> source.getMyPackages(user.getUserId()))) {
            spaces.addAll(own);
        }
        Map<Integer, List<Map<String, String>>> addons = new LinkedHashMap<>();
        List<List<Map<String, String>>> ofSpaces =
                inParallel(spaces, space -> source.getPackageAddons(space.getPackageId()));
        for (int i = 0; i < spaces.size(); i++) {
            addons.put(spaces.get(i).getPackageId(), ofSpaces.get(i));
        }
        List<SourcePlan> plans = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        owners.add(ADMINISTRATOR);
        // only users who own users or spaces can own plans worth reading; a plain customer's answer would be empty
        users.stream().filter(u -> u.getRoleId() != 3).forEach(u -> owners.add(u.getUserId()));
        for (int owner : owners) {
            for (Map<String, String> row : source.getHostingPlans(owner)) {
                plans.add(plan(row));
            }
            for (Map<String, String> row : source.getHostingAddons(owner)) {
                plans.add(plan(row));
            }
        }
        return new SourceSnapshot(ADMINISTRATOR, users, spaces, addons, plans);
    }

    /** {@code read} of every item, at most {@code parallelism} at once, answered in the items' order. */
    private <T, R> List<R> inParallel(List<T> items, Function<T, R> read) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, Math.max(1, items.size())));
        try {
            List<Future<R>> reads = new ArrayList<>(items.size());
            for (T item : items) {
                reads.add(pool.submit(() -> read.apply(item)));
            }
            List<R> answers = new ArrayList<>(items.size());
            for (Future<R> answer : reads) {
                answers.add(answer.get());
            }
            return answers;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("reading the source was interrupted", e);
        } catch (ExecutionException e) {
            // the read's own exception (a fault, an unreachable source), as a sequential read would have thrown it
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private SourcePlan plan(Map<String, String> row) {
        DataSetTables tables = source.getHostingPlanQuotas(
                0, Integer.parseInt(row.get("PlanID").strip()), 0);
        return new SourcePlan(row, tables.table("Table"), tables.table("Table1"));
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
