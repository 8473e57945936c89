package io.esbridge.provisioning;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import io.esbridge.catalogue.QuotaCatalogue;
import io.esbridge.client.DataSetTables;
import io.esbridge.client.EnterpriseServerClient;
import io.esbridge.contract.ArrayOfHostingPlanGroupInfo;
import io.esbridge.contract.ArrayOfHostingPlanQuotaInfo;
import io.esbridge.contract.HostingPlanGroupInfo;
import io.esbridge.contract.HostingPlanQuotaInfo;
import io.esbridge.contract.PackageInfo;

/**
 * A space's own limits ({@code PackageInfo.OverrideQuotas}): the quotas a subscription sets differently from its plan.
 * With {@code OverrideQuotas = true}, UpdatePackage replaces every resource group and quota of the space with the
 * ones sent (the server's UpdatePackage deletes the space's quotas and inserts those of the request), so a quota left
 * out would become "none" and a group left out disabled. The request therefore carries the plan's enabled groups and
 * all their quotas, with the subscription's values where it sets one; a quota of a group the plan does not enable
 * enables that group.
 */
final class SpaceQuotaOverrides {

    private SpaceQuotaOverrides() {}

    /** Sets {@code space}'s override flag, groups and quotas for {@code overrides} (empty: the plan's limits). */
    static void apply(EnterpriseServerClient client, PackageInfo space, int planId, Map<Integer, Integer> overrides) {
        if (overrides.isEmpty()) {
            space.setOverrideQuotas(false);
            space.setGroups(null);
            space.setQuotas(null);
            return;
        }
        DataSetTables plan = client.getHostingPlanQuotas(0, planId, 0);
        Map<Integer, Map<String, String>> groups = new LinkedHashMap<>();
        for (Map<String, String> row : plan.table("Table")) {
            if (Boolean.parseBoolean(text(row, "Enabled"))) {
                groups.put(Integer.parseInt(text(row, "GroupID")), row);
            }
        }
        Map<Integer, Integer> values = new LinkedHashMap<>();
        for (Map<String, String> row : plan.table("Table1")) {
            int groupId = Integer.parseInt(text(row, "GroupID"));
            if (groups.containsKey(groupId)) {
                String value = text(row, "QuotaValue");
                values.put(Integer.parseInt(text(row, "QuotaID")), value.isEmpty() ? 0 : Integer.parseInt(value));
            }
        }
        Set<Integer> enabled = new LinkedHashSet<>(groups.keySet());
        QuotaCatalogue catalogue = QuotaCatalogue.get();
        overrides.forEach((quotaId, value) -> {
            values.put(quotaId, value);
            catalogue.quota(quotaId).map(q -> catalogue.groupId(q.groupName())).ifPresent(enabled::add);
        });
        ArrayOfHostingPlanGroupInfo sentGroups = new ArrayOfHostingPlanGroupInfo();
        for (int groupId : enabled) {
            Map<String, String> row = groups.getOrDefault(groupId, Map.of());
            HostingPlanGroupInfo group = new HostingPlanGroupInfo();
            group.setGroupId(groupId);
            group.setEnabled(true);
            group.setCalculateDiskSpace(Boolean.parseBoolean(text(row, "CalculateDiskSpace")));
            group.setCalculateBandwidth(Boolean.parseBoolean(text(row, "CalculateBandwidth")));
            sentGroups.getHostingPlanGroupInfo().add(group);
        }
        ArrayOfHostingPlanQuotaInfo sentQuotas = new ArrayOfHostingPlanQuotaInfo();
        values.forEach((quotaId, value) -> {
            HostingPlanQuotaInfo quota = new HostingPlanQuotaInfo();
            quota.setQuotaId(quotaId);
            quota.setQuotaValue(value);
            sentQuotas.getHostingPlanQuotaInfo().add(quota);
        });
        space.setOverrideQuotas(true);
        space.setGroups(sentGroups);
        space.setQuotas(sentQuotas);
    }

    private static String text(Map<String, String> row, String column) {
        String value = row.get(column);
        return value == null ? "" : value.strip();
    }
}
