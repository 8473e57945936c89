package io.esbridge.record;

import java.math.BigDecimal;
import java.util.List;

/**
 * A billing product: a hosting plan, or an add-on plan when {@code addon}. Groups and quotas are resolved to their
 * ids already (a feed may name them as in the MSPControl catalogue, e.g. "Mail Accounts").
 *
 * @param ownerKey the billing key of the reseller that owns the plan ({@code AddHostingPlan} with {@code UserId} = the
 *                 reseller), or null for an administrator's plan
 * @param spaceKey the billing key of the reseller's subscription (its space) the plan is placed in
 *                 ({@code PackageId}); null: the reseller's only space
 */
public record PlanRecord(
        String key,
        String name,
        String description,
        boolean addon,
        boolean available,
        BigDecimal setupPrice,
        BigDecimal recurringPrice,
        int recurrenceUnit,
        int recurrenceLength,
        List<Group> groups,
        List<Quota> quotas,
        boolean ended,
        String ownerKey,
        String spaceKey)
        implements ProvisioningRecord {

    /** A resource group enabled in the plan. */
    public record Group(int groupId, boolean enabled, boolean calculateDiskSpace, boolean calculateBandwidth) {}

    /** A quota value of the plan; -1 is unlimited, 0/1 for on/off quotas. */
    public record Quota(int quotaId, int value) {}

    /** A reseller's plan waits in its reseller's order (after the reseller and its space); an administrator's in none. */
    @Override
    public String customerKey() {
        return ownerKey;
    }

    /** The plan of a reseller, placed in one of its spaces; otherwise an administrator's plan (no space). */
    public boolean resellers() {
        return ownerKey != null;
    }
}
