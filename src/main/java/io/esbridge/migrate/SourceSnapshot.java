package io.esbridge.migrate;

import java.util.List;
import java.util.Map;

import io.esbridge.contract.PackageInfo;
import io.esbridge.contract.UserInfo;

/**
 * What was read from the source server, as the server answered it.
 *
 * @param administratorId the user the tree was read under (serveradmin, 1): its plans are the administrator's, and it
 *                        is not migrated itself (the target has its own)
 * @param users           every user under it, each read whole ({@code GetUserById}), owners before the users they own
 * @param spaces          every user's spaces ({@code GetMyPackages})
 * @param addons          the add-ons of each space by space id ({@code GetPackageAddons} rows)
 * @param plans           hosting plans and add-on plans of the administrator and of each user that owns some
 * @param spaceQuotas     for each space with its own limits ({@code OverrideQuotas}), the quota values
 *                        {@code GetPackageQuotas} reports by quota id (its add-ons included)
 */
record SourceSnapshot(
        int administratorId,
        List<UserInfo> users,
        List<PackageInfo> spaces,
        Map<Integer, List<Map<String, String>>> addons,
        List<SourcePlan> plans,
        Map<Integer, Map<Integer, Integer>> spaceQuotas) {

    /**
     * A plan as {@code GetHostingPlans}/{@code GetHostingAddons} list it, with its resource groups ({@code Table}) and
     * quotas ({@code Table1}) as {@code GetHostingPlanQuotas} gives them.
     */
    record SourcePlan(Map<String, String> row, List<Map<String, String>> groups, List<Map<String, String>> quotas) {

        int id() {
            return Integer.parseInt(row.get("PlanID").strip());
        }

        String name() {
            return row.get("PlanName");
        }

        int ownerId() {
            return intOf(row.get("UserID"));
        }

        /** The space the plan is placed in (a reseller's); 0 for none. */
        int packageId() {
            return intOf(row.get("PackageID"));
        }
    }

    static int intOf(String text) {
        return text == null || text.isBlank() ? 0 : Integer.parseInt(text.strip());
    }
}
