package io.esbridge.migrate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    SourceReader(EnterpriseServerClient source) {
        this.source = source;
    }

    SourceSnapshot read() {
        // GetUsers carries no password, address or phones: each user is read again whole
        List<UserInfo> users = new ArrayList<>();
        for (UserInfo listed : source.getUsers(ADMINISTRATOR, true)) {
            users.add(source.getUserById(listed.getUserId()).orElse(listed));
        }
        users = ownersFirst(users);
        List<PackageInfo> spaces = new ArrayList<>();
        Map<Integer, List<Map<String, String>>> addons = new LinkedHashMap<>();
        for (UserInfo user : users) {
            for (PackageInfo space : source.getMyPackages(user.getUserId())) {
                spaces.add(space);
                addons.put(space.getPackageId(), source.getPackageAddons(space.getPackageId()));
            }
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
