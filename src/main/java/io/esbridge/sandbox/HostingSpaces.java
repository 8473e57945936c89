package io.esbridge.sandbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.datatype.XMLGregorianCalendar;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

import io.esbridge.catalogue.QuotaCatalogue;
import io.esbridge.contract.DataSet;
import io.esbridge.contract.HostingPlanGroupInfo;
import io.esbridge.contract.HostingPlanInfo;
import io.esbridge.contract.PackageAddonInfo;
import io.esbridge.contract.PackageInfo;
import io.esbridge.contract.PackageResult;
import io.esbridge.contract.PackageStatus;

/** Hosting spaces (packages) and their add-ons, with the esPackages rules (contract section 2.4). */
final class HostingSpaces {

    /** The root space serveradmin owns; a space whose plan names no space is carved from it. */
    static final int SYSTEM_PACKAGE_ID = 1;

    private static final String PLAN_FOREIGN_KEY = "The INSERT statement conflicted with the FOREIGN KEY constraint "
            + "\"FK_Packages_HostingPlans\". The conflict occurred in database \"SolidCP\", table \"dbo.HostingPlans\", "
            + "column 'PlanID'.";

    private final SandboxDatabase database;
    private final JdbcClient jdbc;
    private final HostingPlanCatalog plans;
    private final UserDirectory users;
    private final ColumnSizes columns;
    private final SpaceQuotas chain;
    private final AccessRights rights;

    HostingSpaces(
            SandboxDatabase database,
            HostingPlanCatalog plans,
            UserDirectory users,
            ColumnSizes columns,
            SpaceQuotas chain,
            AccessRights rights) {
        this.database = database;
        this.jdbc = database.jdbc();
        this.plans = plans;
        this.users = users;
        this.columns = columns;
        this.chain = chain;
        this.rights = rights;
    }

    void seedSystemSpace() {
        if (jdbc.sql("SELECT COUNT(*) FROM es_packages").query(Integer.class).single() == 0) {
            insert(UserDirectory.ADMIN_ID, null, null, "System", "Root hosting space", 1, Dates.now());
        }
    }

    /**
     * The stored procedure AddPackage: the new space hangs under the space the plan is carved from (System for a plan
     * without one, an administrator's), whoever owns the user; the caller needs rights on that space (else the SOAP
     * fault of the procedure's RAISERROR), and the parent's limits along its chain must hold (else -305, nothing
     * created). Nothing checks that the plan is one of the user's owner: as on the real server, a reseller's customer
     * given an administrator's plan lands under System, outside the reseller's limits. The purchase date is read as
     * the row is written, after the checks: out of range, it fails the insert.
     */
    PackageResult add(
            int callerId,
            int userId,
            int planId,
            String name,
            String comments,
            int statusId,
            XMLGregorianCalendar purchaseDate) {
        if (users.byId(userId).isEmpty()) {
            throw new ServerFaultException(AccessRights.ACCOUNT_DENIED);
        }
        Optional<HostingPlanInfo> plan = plans.get(planId);
        if (plan.isEmpty() || plan.get().isIsAddon()) {
            throw new ServerFaultException(PLAN_FOREIGN_KEY);
        }
        int parentId = plan.get().getPackageId() > 0 ? plan.get().getPackageId() : SYSTEM_PACKAGE_ID;
        rights.requireSpace(callerId, parentId);
        Map<Integer, Integer> exceeding = chain.exceeding(parentId, null, plans.quotaValues(planId));
        if (!exceeding.isEmpty()) {
            return exceedingQuotas(exceeding);
        }
        int status = statusId >= 1 && statusId <= 4 ? statusId : 1;
        checkSpace(name, comments);
        return applied(insert(userId, parentId, planId, name, comments, status, Dates.local(purchaseDate)));
    }

    /** @return 0, -300 unknown space, or -305 when the new plan exceeds the parent space */
    PackageResult update(PackageInfo space) {
        Optional<PackageInfo> current = get(space.getPackageId());
        if (current.isEmpty()) {
            return spaceNotFound();
        }
        // the space's new grant is the new plan's quotas (or its own, when it overrides them) plus its add-ons, against
        // its parent's chain
        Map<Integer, Integer> own = overrides(space);
        Map<Integer, Integer> grant = new LinkedHashMap<>(own != null ? own : plans.quotaValues(space.getPlanId()));
        Map<Integer, Integer> addons = addonGrant(space.getPackageId());
        addons.forEach((quotaId, value) -> grant.merge(quotaId, value, QuotaValues::plus));
        Map<Integer, Integer> exceeding =
                chain.exceeding(current.get().getParentPackageId(), space.getPackageId(), grant);
        if (!exceeding.isEmpty()) {
            return exceedingQuotas(exceeding);
        }
        checkSpace(space.getPackageName(), space.getPackageComments());
        jdbc.sql(
                        """
                UPDATE es_packages SET plan_id = ?, package_name = ?, package_comments = ?, status_id = ?,
                  purchase_date = ?, override_quotas = ?, default_top_package = ? WHERE package_id = ?""")
                .param(space.getPlanId())
                .param(space.getPackageName())
                .param(space.getPackageComments())
                .param(
                        space.getStatusId() >= 1 && space.getStatusId() <= 4
                                ? space.getStatusId()
                                : current.get().getStatusId())
                .param(Dates.local(space.getPurchaseDate()))
                .param(own != null)
                // null where the brand does not declare DefaultTopPackage, which ASMX reads as false
                .param(Boolean.TRUE.equals(space.isDefaultTopPackage()))
                .param(space.getPackageId())
                .update();
        // as the server's UpdatePackage: with OverrideQuotas the space's quotas are replaced by the ones sent (a quota
        // not sent is gone); without, the space's own are dropped and its plan's apply again
        jdbc.sql("DELETE FROM es_package_quotas WHERE package_id = ?")
                .param(space.getPackageId())
                .update();
        if (own != null) {
            own.forEach((quotaId, value) -> jdbc.sql(
                            "INSERT INTO es_package_quotas (package_id, quota_id, quota_value) VALUES (?, ?, ?)")
                    .param(space.getPackageId())
                    .param(quotaId)
                    .param(value)
                    .update());
        }
        return applied(0);
    }

    /** The quotas an UpdatePackage sets as the space's own; null when it does not override its plan's. */
    private static Map<Integer, Integer> overrides(PackageInfo space) {
        if (!space.isOverrideQuotas()) {
            return null;
        }
        Map<Integer, Integer> own = new LinkedHashMap<>();
        if (space.getQuotas() != null) {
            space.getQuotas().getHostingPlanQuotaInfo().forEach(q -> own.put(q.getQuotaId(), q.getQuotaValue()));
        }
        return own;
    }

    int updateName(int packageId, String name, String comments) {
        checkSpace(name, comments);
        jdbc.sql("UPDATE es_packages SET package_name = ?, package_comments = ? WHERE package_id = ?")
                .param(name)
                .param(comments)
                .param(packageId)
                .update();
        return 0;
    }

    /** @return 0, -300 unknown, -301 when spaces are carved from it */
    int delete(int packageId) {
        if (get(packageId).isEmpty()) {
            return -300;
        }
        if (!children(packageId).isEmpty()) {
            return -301;
        }
        database.transactions().executeWithoutResult(tx -> {
            jdbc.sql("DELETE FROM es_package_addons WHERE package_id = ?")
                    .param(packageId)
                    .update();
            jdbc.sql("DELETE FROM es_package_quotas WHERE package_id = ?")
                    .param(packageId)
                    .update();
            jdbc.sql("DELETE FROM es_packages WHERE package_id = ?")
                    .param(packageId)
                    .update();
        });
        return 0;
    }

    /** @return 0, or -1 for an unknown space (SolidCP); spaces carved from it change with it */
    int changeStatus(int packageId, PackageStatus status) {
        if (get(packageId).isEmpty()) {
            return -1;
        }
        database.transactions().executeWithoutResult(tx -> setStatus(packageId, status.ordinal() + 1));
        return 0;
    }

    private void setStatus(int packageId, int statusId) {
        jdbc.sql("UPDATE es_packages SET status_id = ?, status_changed = ? WHERE package_id = ?")
                .param(statusId)
                .param(Dates.now())
                .param(packageId)
                .update();
        children(packageId).forEach(child -> setStatus(child, statusId));
    }

    Optional<PackageInfo> get(int packageId) {
        return jdbc.sql("SELECT * FROM es_packages WHERE package_id = ?")
                .param(packageId)
                .query(this::packageInfo)
                .optional();
    }

    /** GetMyPackages: the spaces of the user itself. */
    List<PackageInfo> ofUser(int userId) {
        return jdbc.sql("SELECT * FROM es_packages WHERE user_id = ? ORDER BY package_id")
                .param(userId)
                .query(this::packageInfo)
                .list();
    }

    /** GetPackages: the spaces of every user below {@code userId}. */
    List<PackageInfo> ofUsersBelow(int userId) {
        List<PackageInfo> spaces = new ArrayList<>();
        users.byOwner(userId, true).forEach(u -> spaces.addAll(ofUser(u.getUserId())));
        return spaces;
    }

    /** What a space grants: its plan's quotas plus its add-ons' (times their quantity); -1 unlimited. */
    Map<Integer, Integer> quotas(int packageId) {
        return chain.granted(packageId);
    }

    /** The effective limits along the space's chain of the quotas it names (a plan carved from it must hold them). */
    Map<Integer, Integer> effectiveLimits(int packageId) {
        return chain.effectiveLimits(packageId);
    }

    /** What a space's add-ons alone grant. */
    private Map<Integer, Integer> addonGrant(int packageId) {
        Map<Integer, Integer> values = new LinkedHashMap<>();
        jdbc.sql("SELECT plan_id, quantity FROM es_package_addons WHERE package_id = ?")
                .param(packageId)
                .query(rs -> {
                    addUnits(values, rs.getInt(1), rs.getInt(2));
                });
        return values;
    }

    private void addUnits(Map<Integer, Integer> values, int addonPlanId, int quantity) {
        plans.quotaValues(addonPlanId)
                .forEach((quotaId, value) ->
                        values.merge(quotaId, value < 0 ? -1 : value * quantity, QuotaValues::plus));
    }

    /** GetPackageQuotas: {@code Table} the resource groups, {@code Table1} the quotas. */
    DataSet quotaTables(int packageId) {
        DataSets.Table groups = new DataSets.Table(
                "Table",
                "GroupID:int",
                "GroupName:string",
                "CalculateDiskSpace:boolean",
                "CalculateBandwidth:boolean",
                "ParentEnabled:boolean");
        DataSets.Table quotas = new DataSets.Table(
                "Table1",
                "QuotaID:int",
                "GroupID:int",
                "QuotaName:string",
                "QuotaDescription:string",
                "QuotaTypeID:int",
                "QuotaValue:int",
                "QuotaValuePerOrganization:int",
                "ParentQuotaValue:int",
                "QuotaUsedValue:int",
                "PerOrganization:int");
        Optional<PackageInfo> space = get(packageId);
        if (space.isPresent() && space.get().getPlanId() != 0) {
            for (HostingPlanGroupInfo group : plans.groups(space.get().getPlanId())) {
                groups.row(
                        group.getGroupId(),
                        group.getGroupName(),
                        group.isCalculateDiskSpace(),
                        group.isCalculateBandwidth(),
                        true);
            }
            int parentId = space.get().getParentPackageId();
            quotas(packageId).forEach((quotaId, value) -> QuotaCatalogue.get()
                    .quota(quotaId)
                    .ifPresent(q -> quotas.row(
                            quotaId,
                            QuotaCatalogue.get().groupId(q.groupName()),
                            quotaName(q),
                            q.description(),
                            2,
                            value,
                            0,
                            chain.effectiveLimit(parentId, quotaId),
                            0,
                            0)));
        }
        return DataSets.of(groups, quotas);
    }

    // --- add-ons ---------------------------------------------------------------------------------------------------

    /** @return the new add-on's id, -300 unknown space, -305 above the add-on plan's most units */
    PackageResult addAddon(PackageAddonInfo addon) {
        PackageResult refused = checkAddon(addon);
        if (refused != null) {
            return refused;
        }
        columns.check("PackageAddons.Comments", addon.getComments());
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO es_package_addons (package_id, plan_id, quantity, purchase_date, comments, status_id) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")
                .param(addon.getPackageId())
                .param(addon.getPlanId())
                .param(addon.getQuantity())
                .param(Dates.local(addon.getPurchaseDate()))
                .param(addon.getComments())
                .param(addon.getStatusId() >= 1 && addon.getStatusId() <= 4 ? addon.getStatusId() : 1)
                .update(key, "package_addon_id");
        return applied(key.getKey().intValue());
    }

    PackageResult updateAddon(PackageAddonInfo addon) {
        PackageResult refused = checkAddon(addon);
        if (refused != null) {
            return refused;
        }
        columns.check("PackageAddons.Comments", addon.getComments());
        jdbc.sql("UPDATE es_package_addons SET plan_id = ?, quantity = ?, purchase_date = ?, comments = ?, "
                        + "status_id = ? WHERE package_addon_id = ?")
                .param(addon.getPlanId())
                .param(addon.getQuantity())
                .param(Dates.local(addon.getPurchaseDate()))
                .param(addon.getComments())
                .param(addon.getStatusId() >= 1 && addon.getStatusId() <= 4 ? addon.getStatusId() : 1)
                .param(addon.getPackageAddonId())
                .update();
        return applied(0);
    }

    private PackageResult checkAddon(PackageAddonInfo addon) {
        Optional<PackageInfo> space = get(addon.getPackageId());
        if (space.isEmpty()) {
            return spaceNotFound();
        }
        if (!plans.isAddon(addon.getPlanId())) {
            throw new ServerFaultException(PLAN_FOREIGN_KEY);
        }
        Integer most = plans.maxQuantity(addon.getPlanId());
        if (most != null && addon.getQuantity() > most) {
            Map<Integer, Integer> exceeding = new LinkedHashMap<>();
            plans.quotaValues(addon.getPlanId())
                    .forEach((quotaId, value) -> exceeding.put(quotaId, value < 0 ? -1 : value * addon.getQuantity()));
            return exceedingQuotas(exceeding);
        }
        // the add-on raises its space's grant, which the space's parent must still hold (an update replaces one)
        Map<Integer, Integer> grant =
                chain.granted(addon.getPackageId(), addon.getPackageAddonId() > 0 ? addon.getPackageAddonId() : null);
        addUnits(grant, addon.getPlanId(), addon.getQuantity());
        Map<Integer, Integer> overParent =
                chain.exceeding(space.get().getParentPackageId(), addon.getPackageId(), grant);
        return overParent.isEmpty() ? null : exceedingQuotas(overParent);
    }

    int deleteAddon(int packageAddonId) {
        jdbc.sql("DELETE FROM es_package_addons WHERE package_addon_id = ?")
                .param(packageAddonId)
                .update();
        return 0;
    }

    Optional<PackageAddonInfo> getAddon(int packageAddonId) {
        return jdbc.sql(ADDONS + " WHERE a.package_addon_id = ?")
                .param(packageAddonId)
                .query((rs, n) -> {
                    PackageAddonInfo addon = new PackageAddonInfo();
                    addon.setPackageAddonId(rs.getInt("package_addon_id"));
                    addon.setPackageId(rs.getInt("package_id"));
                    addon.setPlanId(rs.getInt("plan_id"));
                    addon.setQuantity(rs.getInt("quantity"));
                    addon.setPurchaseDate(Dates.xml(rs.getTimestamp("purchase_date")));
                    addon.setComments(rs.getString("comments"));
                    addon.setStatusId(rs.getInt("status_id"));
                    addon.setPlanName(rs.getString("plan_name"));
                    addon.setPlanDescription(rs.getString("plan_description"));
                    return addon;
                })
                .optional();
    }

    DataSet addonTable(int packageId) {
        DataSets.Table table = new DataSets.Table(
                "Table",
                "PackageAddonID:int",
                "PackageID:int",
                "PlanID:int",
                "Quantity:int",
                "PurchaseDate:dateTime",
                "StatusID:int",
                "Comments:string",
                "PlanName:string",
                "PlanDescription:string");
        jdbc.sql(ADDONS + " WHERE a.package_id = ? ORDER BY a.package_addon_id")
                .param(packageId)
                .query(rs -> {
                    table.row(
                            rs.getInt("package_addon_id"),
                            rs.getInt("package_id"),
                            rs.getInt("plan_id"),
                            rs.getInt("quantity"),
                            rs.getTimestamp("purchase_date").toLocalDateTime(),
                            rs.getInt("status_id"),
                            rs.getString("comments"),
                            rs.getString("plan_name"),
                            rs.getString("plan_description"));
                });
        return DataSets.of(table);
    }

    private static final String ADDONS = "SELECT a.*, p.plan_name, p.plan_description FROM es_package_addons a "
            + "LEFT JOIN es_plans p ON p.plan_id = a.plan_id";

    // --- helpers ---------------------------------------------------------------------------------------------------

    /** A refused write: -305 and the quotas that were too high. */
    static PackageResult exceedingQuotas(Map<Integer, Integer> exceeding) {
        PackageResult result = new PackageResult();
        result.setResult(-305);
        result.setExceedingQuotas(exceedingQuotaTable(exceeding));
        return result;
    }

    /** A write that went through: the real server still sends an (empty) ExceedingQuotas DataSet. */
    static PackageResult applied(int idOrZero) {
        PackageResult result = new PackageResult();
        result.setResult(idOrZero);
        result.setExceedingQuotas(exceedingQuotaTable(Map.of()));
        return result;
    }

    private static DataSet exceedingQuotaTable(Map<Integer, Integer> exceeding) {
        DataSets.Table table = new DataSets.Table("Table", "QuotaID:int", "QuotaName:string", "QuotaValue:int");
        exceeding.forEach((quotaId, value) -> table.row(
                quotaId,
                QuotaCatalogue.get()
                        .quota(quotaId)
                        .map(HostingSpaces::quotaName)
                        .orElse(null),
                value));
        return DataSets.of(table);
    }

    /** Quota names look like the real server's ({@code Mail.Accounts}): group, dot, description without spaces. */
    static String quotaName(QuotaCatalogue.Quota quota) {
        return quota.groupName() + "." + quota.description().replaceAll("[^A-Za-z0-9]", "");
    }

    /** -300; the real server sends no ExceedingQuotas with it. */
    private static PackageResult spaceNotFound() {
        PackageResult result = new PackageResult();
        result.setResult(-300);
        return result;
    }

    private void checkSpace(String name, String comments) {
        columns.check("Packages.PackageName", name);
        columns.check("Packages.PackageComments", comments);
    }

    private List<Integer> children(int packageId) {
        return jdbc.sql("SELECT package_id FROM es_packages WHERE parent_package_id = ?")
                .param(packageId)
                .query(Integer.class)
                .list();
    }

    private int insert(
            int userId,
            Integer parentId,
            Integer planId,
            String name,
            String comments,
            int statusId,
            LocalDateTime purchaseDate) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO es_packages (user_id, parent_package_id, status_id, plan_id, purchase_date, "
                        + "package_name, package_comments, status_changed) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .param(userId)
                .param(parentId)
                .param(statusId)
                .param(planId)
                .param(purchaseDate)
                .param(name)
                .param(comments)
                .param(Dates.now())
                .update(key, "package_id");
        return key.getKey().intValue();
    }

    private PackageInfo packageInfo(ResultSet rs, int row) throws SQLException {
        PackageInfo space = new PackageInfo();
        space.setPackageId(rs.getInt("package_id"));
        space.setUserId(rs.getInt("user_id"));
        space.setParentPackageId(rs.getInt("parent_package_id"));
        space.setStatusId(rs.getInt("status_id"));
        space.setPlanId(rs.getInt("plan_id"));
        space.setPurchaseDate(Dates.xml(rs.getTimestamp("purchase_date")));
        space.setPackageName(rs.getString("package_name"));
        space.setPackageComments(rs.getString("package_comments"));
        space.setServerId(rs.getInt("server_id"));
        space.setOverrideQuotas(rs.getBoolean("override_quotas"));
        space.setDefaultTopPackage(rs.getBoolean("default_top_package"));
        space.setStatusIDchangeDate(Dates.xml(rs.getTimestamp("status_changed")));
        return space;
    }
}
