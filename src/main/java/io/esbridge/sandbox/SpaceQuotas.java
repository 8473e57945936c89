package io.esbridge.sandbox;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The quotas of hosting spaces along their chain of parent spaces, as the real server's SQL functions
 * {@code GetPackageAllocatedQuota} and {@code CheckExceedingQuota} compute them. What the sandbox counts, precisely:
 *
 * <ul>
 *   <li><b>Granted</b> by a space: its plan's quota values plus its add-ons' (value times quantity); -1 unlimited.
 *       The {@code System} space has no plan and grants everything without limit.
 *   <li><b>Effective limit</b> of a space for one quota: the smallest value other than -1 along the space and its
 *       parents up to {@code System}; a space on the way whose plan does not name the quota grants 0 (none), as on
 *       the real server; -1 when every space on the way is unlimited.
 *   <li><b>Allocated</b> under a parent: the sum of what its direct child spaces grant (plans and add-ons). A child's
 *       own customers count only in the child's check, since the child's grant already bounds them.
 *   <li>A new space, a plan change or an add-on is refused (-305) when, for a quota the parent's plan names, the
 *       allocation with the change exceeds the parent's effective limit; the ExceedingQuotas row carries the amount
 *       over the limit, or -1 when a child asks for unlimited under a limited parent.
 * </ul>
 *
 * Two deliberate differences from the real server, so that a rehearsal finds overselling rather than hides it:
 * the real {@code CheckExceedingQuota} adds plan, override and add-on sums that are NULL when a part is missing, so
 * its check fires only in some combinations (reference "resellers-and-migration" section 1); the sandbox always
 * sums. And the quota catalogue carries no quota types, while the real server never sums a boolean quota (0/1): the
 * sandbox therefore leaves out a quota whose limit and every allocation are 0 or 1, since that is what an enabled or
 * disabled boolean looks like. No catalogue quota counts child spaces, so the number of spaces is not limited.
 */
final class SpaceQuotas {

    private final JdbcClient jdbc;
    private final HostingPlanCatalog plans;

    SpaceQuotas(SandboxDatabase database, HostingPlanCatalog plans) {
        this.jdbc = database.jdbc();
        this.plans = plans;
    }

    /** What a space grants (plan plus add-ons); empty for the System space or an unknown one. */
    Map<Integer, Integer> granted(int packageId) {
        return granted(packageId, null);
    }

    /** The same, leaving out one add-on (the one an UpdatePackageAddon replaces). */
    Map<Integer, Integer> granted(int packageId, Integer leavingOutAddonId) {
        Optional<Integer> planId = planOf(packageId);
        if (planId.isEmpty()) {
            return Map.of();
        }
        Map<Integer, Integer> values = new LinkedHashMap<>(ownOrPlans(packageId, planId.get()));
        jdbc.sql("SELECT package_addon_id, plan_id, quantity FROM es_package_addons WHERE package_id = ?")
                .param(packageId)
                .query(rs -> {
                    if (leavingOutAddonId != null && rs.getInt(1) == leavingOutAddonId) {
                        return;
                    }
                    int quantity = rs.getInt(3);
                    plans.quotaValues(rs.getInt(2))
                            .forEach((quotaId, value) ->
                                    values.merge(quotaId, value < 0 ? -1 : value * quantity, QuotaValues::plus));
                });
        return values;
    }

    /** The space's own quotas when it overrides its plan's (UpdatePackage with OverrideQuotas), else the plan's. */
    private Map<Integer, Integer> ownOrPlans(int packageId, int planId) {
        boolean own = jdbc.sql("SELECT override_quotas FROM es_packages WHERE package_id = ?")
                .param(packageId)
                .query(Boolean.class)
                .optional()
                .orElse(false);
        if (!own) {
            return plans.quotaValues(planId);
        }
        Map<Integer, Integer> values = new LinkedHashMap<>();
        jdbc.sql("SELECT quota_id, quota_value FROM es_package_quotas WHERE package_id = ?")
                .param(packageId)
                .query(rs -> {
                    values.put(rs.getInt(1), rs.getInt(2));
                });
        return values;
    }

    /** GetPackageAllocatedQuota: the smallest limit along the chain, 0 where a space names no value, -1 none. */
    int effectiveLimit(int packageId, int quotaId) {
        return limitAlong(grantsAlong(packageId), quotaId);
    }

    /** What the space and each of its parents grant, up to (without) System. */
    List<Map<Integer, Integer>> grantsAlong(int packageId) {
        List<Map<Integer, Integer>> grants = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        Optional<Integer> parent = parentOf(packageId);
        for (int current = packageId; parent.isPresent() && seen.add(current); parent = parentOf(current)) {
            grants.add(granted(current));
            current = parent.get();
        }
        return grants;
    }

    static int limitAlong(List<Map<Integer, Integer>> grants, int quotaId) {
        int result = -1;
        for (Map<Integer, Integer> grant : grants) {
            int value = grant.getOrDefault(quotaId, 0);
            if (value == 0) {
                return 0;
            }
            if (value > 0 && (result < 0 || value < result)) {
                result = value;
            }
        }
        return result;
    }

    /** Effective limits of the quotas the space names (what ParentQuotaValue shows for its children). */
    Map<Integer, Integer> effectiveLimits(int packageId) {
        Map<Integer, Integer> limits = new LinkedHashMap<>();
        List<Map<Integer, Integer>> grants = grantsAlong(packageId);
        granted(packageId).keySet().forEach(quotaId -> limits.put(quotaId, limitAlong(grants, quotaId)));
        return limits;
    }

    /**
     * The quotas of {@code parentId} a change of one child would exceed, with the amount over the limit.
     *
     * @param changedChildId the child space whose grant changes (left out of the sum), or null for a new space
     * @param childGrant     what that child would grant after the change
     */
    Map<Integer, Integer> exceeding(int parentId, Integer changedChildId, Map<Integer, Integer> childGrant) {
        Map<Integer, Integer> exceeding = new LinkedHashMap<>();
        if (parentOf(parentId).isEmpty()) {
            return exceeding; // under System nothing is limited
        }
        Map<Integer, Allocation> others = allocationsOfChildren(parentId, changedChildId == null ? -1 : changedChildId);
        List<Map<Integer, Integer>> grants = grantsAlong(parentId);
        for (int quotaId : grants.get(0).keySet()) {
            int limit = limitAlong(grants, quotaId);
            if (limit < 0) {
                continue;
            }
            Allocation total = others.getOrDefault(quotaId, Allocation.NONE)
                    .plus(Allocation.of(childGrant.getOrDefault(quotaId, 0)));
            if (total.unlimited()) {
                exceeding.put(quotaId, -1);
            } else if (!(limit <= 1 && total.largest() <= 1) && total.sum() > limit) {
                exceeding.put(quotaId, (int) Math.min(Integer.MAX_VALUE, total.sum() - limit));
            }
        }
        return exceeding;
    }

    /** The sum, largest single value and any unlimited value of the allocations of some child spaces. */
    private record Allocation(long sum, long largest, boolean unlimited) {
        static final Allocation NONE = new Allocation(0, 0, false);

        static Allocation of(int value) {
            return value < 0 ? new Allocation(0, 0, true) : new Allocation(value, value, false);
        }

        Allocation plus(Allocation other) {
            return new Allocation(sum + other.sum, Math.max(largest, other.largest), unlimited || other.unlimited);
        }
    }

    /** Summed in SQL: a reseller's space may hold thousands of customers' spaces, each AddPackage sums them all. */
    private Map<Integer, Allocation> allocationsOfChildren(int parentId, int leavingOutChildId) {
        Map<Integer, Allocation> allocations = new HashMap<>();
        jdbc.sql(
                        """
                SELECT q.quota_id, SUM(q.quota_value), MAX(q.quota_value), MIN(q.quota_value)
                FROM es_packages p JOIN es_plan_quotas q ON q.plan_id = p.plan_id
                WHERE p.parent_package_id = ? AND p.package_id <> ? GROUP BY q.quota_id""")
                .param(parentId)
                .param(leavingOutChildId)
                .query(rs -> {
                    allocations.merge(
                            rs.getInt(1), allocation(rs.getLong(2), rs.getLong(3), rs.getLong(4)), Allocation::plus);
                });
        jdbc.sql(
                        """
                SELECT q.quota_id, SUM(q.quota_value * a.quantity), MAX(q.quota_value * a.quantity),
                  MIN(q.quota_value)
                FROM es_packages p JOIN es_package_addons a ON a.package_id = p.package_id
                  JOIN es_plan_quotas q ON q.plan_id = a.plan_id
                WHERE p.parent_package_id = ? AND p.package_id <> ? GROUP BY q.quota_id""")
                .param(parentId)
                .param(leavingOutChildId)
                .query(rs -> {
                    allocations.merge(
                            rs.getInt(1), allocation(rs.getLong(2), rs.getLong(3), rs.getLong(4)), Allocation::plus);
                });
        return allocations;
    }

    private static Allocation allocation(long sum, long largest, long smallest) {
        return smallest < 0 ? new Allocation(0, 0, true) : new Allocation(sum, largest, false);
    }

    Optional<Integer> planOf(int packageId) {
        return jdbc.sql("SELECT plan_id FROM es_packages WHERE package_id = ?")
                .param(packageId)
                .query((rs, n) -> (Integer) rs.getObject(1))
                .optional();
    }

    private Optional<Integer> parentOf(int packageId) {
        return jdbc.sql("SELECT parent_package_id FROM es_packages WHERE package_id = ?")
                .param(packageId)
                .query((rs, n) -> (Integer) rs.getObject(1))
                .optional();
    }
}
