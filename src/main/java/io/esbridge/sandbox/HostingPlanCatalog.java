package io.esbridge.sandbox;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

import io.esbridge.catalogue.QuotaCatalogue;
import io.esbridge.contract.ArrayOfHostingPlanGroupInfo;
import io.esbridge.contract.ArrayOfHostingPlanQuotaInfo;
import io.esbridge.contract.DataSet;
import io.esbridge.contract.HostingPlanGroupInfo;
import io.esbridge.contract.HostingPlanInfo;
import io.esbridge.contract.HostingPlanQuotaInfo;

/** Hosting plans and add-on plans (an add-on plan is a HostingPlanInfo with IsAddon). */
final class HostingPlanCatalog {

    private final SandboxDatabase database;
    private final JdbcClient jdbc;
    private final ColumnSizes columns;

    HostingPlanCatalog(SandboxDatabase database, ColumnSizes columns) {
        this.database = database;
        this.jdbc = database.jdbc();
        this.columns = columns;
    }

    /** Creates the configured plans that do not exist yet (by name). */
    void seed(List<SandboxProperties.PlanSeed> seeds) {
        QuotaCatalogue catalogue = QuotaCatalogue.get();
        for (SandboxProperties.PlanSeed seed : seeds) {
            boolean exists = jdbc.sql("SELECT COUNT(*) FROM es_plans WHERE plan_name = ?")
                            .param(seed.name())
                            .query(Integer.class)
                            .single()
                    > 0;
            if (exists) {
                continue;
            }
            HostingPlanInfo plan = new HostingPlanInfo();
            plan.setPlanName(seed.name());
            plan.setPlanDescription(seed.description());
            plan.setIsAddon(seed.addon());
            plan.setAvailable(true);
            plan.setRecurringPrice(seed.recurringPrice() == null ? BigDecimal.ZERO : seed.recurringPrice());
            plan.setSetupPrice(BigDecimal.ZERO);
            plan.setRecurrenceUnit(2);
            plan.setRecurrenceLength(1);
            plan.setUserId(UserDirectory.ADMIN_ID);
            ArrayOfHostingPlanQuotaInfo quotas = new ArrayOfHostingPlanQuotaInfo();
            seed.quotas().forEach((idOrName, value) -> {
                HostingPlanQuotaInfo quota = new HostingPlanQuotaInfo();
                quota.setQuotaId(catalogue.quotaId(idOrName));
                quota.setQuotaValue(value);
                quotas.getHostingPlanQuotaInfo().add(quota);
            });
            plan.setQuotas(quotas);
            int planId = add(plan, UserDirectory.ADMIN_ID);
            jdbc.sql("UPDATE es_plans SET max_quantity = ? WHERE plan_id = ?")
                    .param(seed.maxQuantity())
                    .param(planId)
                    .update();
        }
    }

    int add(HostingPlanInfo plan, int callerId) {
        checkPlan(plan);
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql(
                        """
                INSERT INTO es_plans (user_id, package_id, server_id, plan_name, plan_description, available, is_addon,
                  setup_price, recurring_price, recurrence_unit, recurrence_length)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .param(plan.getUserId() > 0 ? plan.getUserId() : callerId)
                .param(plan.getPackageId() > 0 ? plan.getPackageId() : null)
                .param(plan.getServerId())
                .param(plan.getPlanName())
                .param(plan.getPlanDescription())
                .param(plan.isAvailable())
                .param(plan.isIsAddon())
                .param(orZero(plan.getSetupPrice()))
                .param(orZero(plan.getRecurringPrice()))
                .param(plan.getRecurrenceUnit())
                .param(plan.getRecurrenceLength())
                .update(key, "plan_id");
        int planId = key.getKey().intValue();
        writeResources(planId, plan);
        return planId;
    }

    /**
     * @return the quotas above the effective limits (along its chain) of the space the plan is carved from, with the
     *     plan's values (then nothing changes), else empty
     */
    Map<Integer, Integer> update(HostingPlanInfo plan, HostingSpaces spaces) {
        Map<Integer, Integer> exceeding = plan.getPackageId() > 0
                ? QuotaValues.exceeding(quotas(plan), spaces.effectiveLimits(plan.getPackageId()))
                : Map.of();
        if (!exceeding.isEmpty()) {
            return exceeding;
        }
        checkPlan(plan);
        database.transactions().executeWithoutResult(tx -> {
            jdbc.sql(
                            """
                    UPDATE es_plans SET package_id = ?, server_id = ?, plan_name = ?, plan_description = ?,
                      available = ?, setup_price = ?, recurring_price = ?, recurrence_unit = ?, recurrence_length = ?
                    WHERE plan_id = ?""")
                    .param(plan.getPackageId() > 0 ? plan.getPackageId() : null)
                    .param(plan.getServerId())
                    .param(plan.getPlanName())
                    .param(plan.getPlanDescription())
                    .param(plan.isAvailable())
                    .param(orZero(plan.getSetupPrice()))
                    .param(orZero(plan.getRecurringPrice()))
                    .param(plan.getRecurrenceUnit())
                    .param(plan.getRecurrenceLength())
                    .param(plan.getPlanId())
                    .update();
            jdbc.sql("DELETE FROM es_plan_groups WHERE plan_id = ?")
                    .param(plan.getPlanId())
                    .update();
            jdbc.sql("DELETE FROM es_plan_quotas WHERE plan_id = ?")
                    .param(plan.getPlanId())
                    .update();
            writeResources(plan.getPlanId(), plan);
        });
        return Map.of();
    }

    private void checkPlan(HostingPlanInfo plan) {
        columns.check("HostingPlans.PlanName", plan.getPlanName());
        columns.check("HostingPlans.PlanDescription", plan.getPlanDescription());
    }

    /** @return 0, -1501 when hosting spaces use the plan, -1502 when spaces hold it as an add-on */
    int delete(int planId) {
        if (jdbc.sql("SELECT COUNT(*) FROM es_packages WHERE plan_id = ?")
                        .param(planId)
                        .query(Integer.class)
                        .single()
                > 0) {
            return -1501;
        }
        if (jdbc.sql("SELECT COUNT(*) FROM es_package_addons WHERE plan_id = ?")
                        .param(planId)
                        .query(Integer.class)
                        .single()
                > 0) {
            return -1502;
        }
        database.transactions().executeWithoutResult(tx -> {
            jdbc.sql("DELETE FROM es_plan_groups WHERE plan_id = ?")
                    .param(planId)
                    .update();
            jdbc.sql("DELETE FROM es_plan_quotas WHERE plan_id = ?")
                    .param(planId)
                    .update();
            jdbc.sql("DELETE FROM es_plans WHERE plan_id = ?").param(planId).update();
        });
        return 0;
    }

    Optional<HostingPlanInfo> get(int planId) {
        Optional<HostingPlanInfo> plan = jdbc.sql("SELECT * FROM es_plans WHERE plan_id = ?")
                .param(planId)
                .query(this::planInfo)
                .optional();
        plan.ifPresent(p -> {
            ArrayOfHostingPlanGroupInfo groups = new ArrayOfHostingPlanGroupInfo();
            groups.getHostingPlanGroupInfo().addAll(groups(planId));
            p.setGroups(groups);
            ArrayOfHostingPlanQuotaInfo quotas = new ArrayOfHostingPlanQuotaInfo();
            quotaValues(planId).forEach((id, value) -> {
                HostingPlanQuotaInfo quota = new HostingPlanQuotaInfo();
                quota.setQuotaId(id);
                quota.setQuotaValue(value);
                quotas.getHostingPlanQuotaInfo().add(quota);
            });
            p.setQuotas(quotas);
        });
        return plan;
    }

    /**
     * GetUserAvailableHostingPlans / GetUserAvailableHostingAddons: the plans of {@code ownerId} (the user's owner),
     * filled from their rows as the real server does, so without Groups and Quotas.
     */
    List<HostingPlanInfo> ownedBy(int ownerId, boolean addons) {
        return jdbc.sql("SELECT * FROM es_plans WHERE user_id = ? AND is_addon = ? ORDER BY plan_name, plan_id")
                .param(ownerId)
                .param(addons)
                .query(this::planInfo)
                .list();
    }

    boolean isAddon(int planId) {
        return jdbc.sql("SELECT is_addon FROM es_plans WHERE plan_id = ?")
                .param(planId)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    /** An add-on plan's most units per hosting space; null = no limit. */
    Integer maxQuantity(int planId) {
        return jdbc.sql("SELECT max_quantity FROM es_plans WHERE plan_id = ?")
                .param(planId)
                .query((rs, n) -> (Integer) rs.getObject(1))
                .optional()
                .orElse(null);
    }

    Map<Integer, Integer> quotaValues(int planId) {
        Map<Integer, Integer> values = new LinkedHashMap<>();
        jdbc.sql("SELECT quota_id, quota_value FROM es_plan_quotas WHERE plan_id = ? ORDER BY quota_id")
                .param(planId)
                .query(rs -> {
                    values.put(rs.getInt(1), rs.getInt(2));
                });
        return values;
    }

    List<HostingPlanGroupInfo> groups(int planId) {
        return jdbc.sql("SELECT * FROM es_plan_groups WHERE plan_id = ? ORDER BY group_id")
                .param(planId)
                .query((rs, n) -> {
                    HostingPlanGroupInfo group = new HostingPlanGroupInfo();
                    group.setGroupId(rs.getInt("group_id"));
                    group.setEnabled(rs.getBoolean("enabled"));
                    group.setCalculateDiskSpace(rs.getBoolean("calculate_disk_space"));
                    group.setCalculateBandwidth(rs.getBoolean("calculate_bandwidth"));
                    group.setGroupName(
                            QuotaCatalogue.get().groupName(group.getGroupId()).orElse(null));
                    return group;
                })
                .list();
    }

    /** GetHostingPlans / GetHostingAddons: the plans of one owner, columns of contract section 3.9. */
    DataSet list(int userId, boolean addons) {
        DataSets.Table table = addons
                ? new DataSets.Table(
                        "Table",
                        "PlanID:int",
                        "UserID:int",
                        "PackageID:int",
                        "PlanName:string",
                        "PlanDescription:string",
                        "Available:boolean",
                        "SetupPrice:decimal",
                        "RecurringPrice:decimal",
                        "RecurrenceLength:int",
                        "RecurrenceUnit:int",
                        "IsAddon:boolean",
                        "PackagesNumber:int")
                : new DataSets.Table(
                        "Table",
                        "PlanID:int",
                        "UserID:int",
                        "PackageID:int",
                        "PlanName:string",
                        "PlanDescription:string",
                        "Available:boolean",
                        "SetupPrice:decimal",
                        "RecurringPrice:decimal",
                        "RecurrenceLength:int",
                        "RecurrenceUnit:int",
                        "IsAddon:boolean",
                        "PackagesNumber:int",
                        "ServerID:int",
                        "ServerName:string",
                        "ServerComments:string",
                        "VirtualServer:boolean",
                        "PackageName:string");
        jdbc.sql(
                        """
                SELECT p.*, (SELECT COUNT(*) FROM es_packages s WHERE s.plan_id = p.plan_id)
                  + (SELECT COUNT(*) FROM es_package_addons a WHERE a.plan_id = p.plan_id) AS packages_number,
                  (SELECT s.package_name FROM es_packages s WHERE s.package_id = p.package_id) AS package_name
                FROM es_plans p WHERE p.user_id = ? AND p.is_addon = ? ORDER BY p.plan_name""")
                .param(userId)
                .param(addons)
                .query(rs -> {
                    Object[] common = {
                        rs.getInt("plan_id"),
                        rs.getInt("user_id"),
                        rs.getObject("package_id"),
                        rs.getString("plan_name"),
                        rs.getString("plan_description"),
                        rs.getBoolean("available"),
                        rs.getBigDecimal("setup_price"),
                        rs.getBigDecimal("recurring_price"),
                        rs.getInt("recurrence_length"),
                        rs.getInt("recurrence_unit"),
                        rs.getBoolean("is_addon"),
                        rs.getInt("packages_number")
                    };
                    if (addons) {
                        table.row(common);
                    } else {
                        Object[] row = Arrays.copyOf(common, common.length + 5);
                        row[common.length] = rs.getInt("server_id");
                        row[common.length + 4] = rs.getString("package_name");
                        table.row(row);
                    }
                });
        return DataSets.of(table);
    }

    private void writeResources(int planId, HostingPlanInfo plan) {
        Map<Integer, Integer> quotas = quotas(plan);
        Map<Integer, HostingPlanGroupInfo> groups = new LinkedHashMap<>();
        if (plan.getGroups() != null) {
            plan.getGroups().getHostingPlanGroupInfo().forEach(g -> groups.put(g.getGroupId(), g));
        }
        // A plan that names quotas but not their groups gets those groups enabled, as the panel's editor does.
        quotas.keySet().forEach(quotaId -> QuotaCatalogue.get().quota(quotaId).ifPresent(q -> {
            int groupId = QuotaCatalogue.get().groupId(q.groupName());
            groups.computeIfAbsent(groupId, id -> {
                HostingPlanGroupInfo group = new HostingPlanGroupInfo();
                group.setGroupId(id);
                group.setEnabled(true);
                group.setCalculateDiskSpace(true);
                group.setCalculateBandwidth(true);
                return group;
            });
        }));
        groups.values().forEach(g -> jdbc.sql("INSERT INTO es_plan_groups VALUES (?, ?, ?, ?, ?)")
                .param(planId)
                .param(g.getGroupId())
                .param(g.isEnabled())
                .param(g.isCalculateDiskSpace())
                .param(g.isCalculateBandwidth())
                .update());
        quotas.forEach((id, value) -> jdbc.sql("INSERT INTO es_plan_quotas VALUES (?, ?, ?)")
                .param(planId)
                .param(id)
                .param(value)
                .update());
    }

    private static Map<Integer, Integer> quotas(HostingPlanInfo plan) {
        Map<Integer, Integer> quotas = new LinkedHashMap<>();
        if (plan.getQuotas() != null) {
            plan.getQuotas().getHostingPlanQuotaInfo().forEach(q -> quotas.put(q.getQuotaId(), q.getQuotaValue()));
        }
        return quotas;
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    private HostingPlanInfo planInfo(ResultSet rs, int row) throws SQLException {
        HostingPlanInfo plan = new HostingPlanInfo();
        plan.setPlanId(rs.getInt("plan_id"));
        plan.setPackageId(rs.getInt("package_id"));
        plan.setPlanName(rs.getString("plan_name"));
        plan.setPlanDescription(rs.getString("plan_description"));
        plan.setAvailable(rs.getBoolean("available"));
        plan.setServerId(rs.getInt("server_id"));
        plan.setIsAddon(rs.getBoolean("is_addon"));
        plan.setSetupPrice(rs.getBigDecimal("setup_price"));
        plan.setRecurringPrice(rs.getBigDecimal("recurring_price"));
        plan.setRecurrenceUnit(rs.getInt("recurrence_unit"));
        plan.setRecurrenceLength(rs.getInt("recurrence_length"));
        plan.setUserId(rs.getInt("user_id"));
        return plan;
    }
}
