package io.esbridge.check;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import io.esbridge.client.EnterpriseServerClient;
import io.esbridge.contract.HostingPlanInfo;
import io.esbridge.contract.HostingPlanQuotaInfo;
import io.esbridge.contract.UserInfo;

/**
 * What the target Enterprise Server holds, read in bulk and only by reading calls: every user once
 * ({@code GetUsers(1, recursive)}), the plans and add-on plans of an owner once each, a plan's quotas once each. Asking
 * per record ({@code UserExists}, {@code GetUserByUsername}) would cost a 10,000-customer input 10,000 calls.
 */
final class TargetView {

    /** The administrator, whose users GetUsers lists (recursively: every user of the panel). */
    private static final int ADMIN = 1;

    private final EnterpriseServerClient client;
    private final Map<String, UserInfo> byUsername = new HashMap<>();
    private final Map<Integer, UserInfo> byId = new HashMap<>();
    private final Map<Integer, Map<String, Integer>> plans = new HashMap<>();
    private final Map<Integer, Map<String, Integer>> addonPlans = new HashMap<>();
    private final Map<Integer, Optional<Set<Integer>>> quotas = new HashMap<>();

    TargetView(EnterpriseServerClient client) {
        this.client = client;
        for (UserInfo user : client.getUsers(ADMIN, true)) {
            byId.put(user.getUserId(), user);
            if (user.getUsername() != null) {
                byUsername.put(normal(user.getUsername()), user);
            }
        }
    }

    int users() {
        return byId.size();
    }

    /** The panel's user of that username (the panel compares usernames regardless of case). */
    Optional<UserInfo> user(String username) {
        return Optional.ofNullable(byUsername.get(normal(username)));
    }

    Optional<UserInfo> user(int userId) {
        return Optional.ofNullable(byId.get(userId));
    }

    /** The id of the owner's plan (or add-on plan) of that name, compared as provisioning compares plan names. */
    Optional<Integer> plan(int ownerId, String name, boolean addon) {
        Map<String, Integer> names = (addon ? addonPlans : plans).computeIfAbsent(ownerId, owner -> load(owner, addon));
        return Optional.ofNullable(names.get(normal(name)));
    }

    /** The quota ids a target plan sets; empty when the plan cannot be read. */
    Optional<Set<Integer>> quotas(int planId) {
        return quotas.computeIfAbsent(planId, id -> client.getHostingPlan(id).map(TargetView::quotaIds));
    }

    private static Set<Integer> quotaIds(HostingPlanInfo plan) {
        Set<Integer> ids = new TreeSet<>();
        if (plan.getQuotas() != null) {
            for (HostingPlanQuotaInfo quota : plan.getQuotas().getHostingPlanQuotaInfo()) {
                ids.add(quota.getQuotaId());
            }
        }
        return ids;
    }

    private Map<String, Integer> load(int ownerId, boolean addon) {
        List<Map<String, String>> rows = addon ? client.getHostingAddons(ownerId) : client.getHostingPlans(ownerId);
        Map<String, Integer> names = new HashMap<>();
        for (Map<String, String> row : rows) {
            if (row.get("PlanName") != null && row.get("PlanID") != null) {
                names.putIfAbsent(
                        normal(row.get("PlanName")),
                        Integer.parseInt(row.get("PlanID").strip()));
            }
        }
        return names;
    }

    /** Plan names and usernames as the panel matches them: trimmed, regardless of case. */
    static String normal(String name) {
        return name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    }
}
