package io.esbridge.sandbox;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.esbridge.catalogue.QuotaCatalogue;
import io.esbridge.contract.DataSet;
import io.esbridge.contract.HostingPlanGroupInfo;

/**
 * GetHostingPlanQuotas(packageId, planId, serverId): every resource group and every quota of the catalogue, with the
 * plan's values and those of the space the plan is (or would be) carved from, as the real procedure answers (a
 * migration reads a plan's groups and quotas from it; keep the quotas of enabled groups).
 */
final class PlanQuotaTables {

    /** The catalogue has no quota types: every quota is written as numeric, as GetPackageQuotas does. */
    private static final int NUMERIC = 2;

    private final HostingPlanCatalog plans;
    private final SpaceQuotas chain;

    PlanQuotaTables(HostingPlanCatalog plans, SpaceQuotas chain) {
        this.plans = plans;
        this.chain = chain;
    }

    /**
     * @param packageId the parent space whose limits are ParentEnabled / ParentQuotaValue; 0 = System (all groups
     *                  enabled, no limit)
     * @param planId    the plan whose values are Enabled / QuotaValue; an unknown plan enables nothing
     */
    DataSet tables(int packageId, int planId) {
        DataSets.Table groups = new DataSets.Table(
                "Table",
                "GroupID:int",
                "GroupName:string",
                "Enabled:boolean",
                "ParentEnabled:boolean",
                "CalculateDiskSpace:boolean",
                "CalculateBandwidth:boolean");
        DataSets.Table quotas = new DataSets.Table(
                "Table1",
                "QuotaID:int",
                "GroupID:int",
                "QuotaName:string",
                "QuotaDescription:string",
                "QuotaTypeID:int",
                "QuotaValue:int",
                "ParentQuotaValue:int");
        QuotaCatalogue catalogue = QuotaCatalogue.get();
        Map<Integer, HostingPlanGroupInfo> planGroups =
                plans.groups(planId).stream().collect(Collectors.toMap(HostingPlanGroupInfo::getGroupId, g -> g));
        Map<Integer, Integer> planValues = plans.quotaValues(planId);
        int parentId = packageId > 0 ? packageId : HostingSpaces.SYSTEM_PACKAGE_ID;
        // null: System, which enables every group
        Set<Integer> parentGroups = chain.planOf(parentId)
                .map(parentPlan -> plans.groups(parentPlan).stream()
                        .filter(HostingPlanGroupInfo::isEnabled)
                        .map(HostingPlanGroupInfo::getGroupId)
                        .collect(Collectors.toSet()))
                .orElse(null);
        catalogue.groups().forEach((groupId, groupName) -> {
            HostingPlanGroupInfo group = planGroups.get(groupId);
            groups.row(
                    groupId,
                    groupName,
                    group != null && group.isEnabled(),
                    parentGroups == null || parentGroups.contains(groupId),
                    group == null || group.isCalculateDiskSpace(),
                    group == null || group.isCalculateBandwidth());
        });
        List<Map<Integer, Integer>> parentChain = chain.grantsAlong(parentId);
        for (QuotaCatalogue.Quota quota : catalogue.quotas()) {
            quotas.row(
                    quota.id(),
                    catalogue.groupId(quota.groupName()),
                    HostingSpaces.quotaName(quota),
                    quota.description(),
                    NUMERIC,
                    planValues.getOrDefault(quota.id(), 0),
                    SpaceQuotas.limitAlong(parentChain, quota.id()));
        }
        return DataSets.of(groups, quotas);
    }
}
