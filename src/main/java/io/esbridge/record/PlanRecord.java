package io.esbridge.record;

import java.math.BigDecimal;
import java.util.List;

/**
 * A billing product: a hosting plan, or an add-on plan when {@code addon}. Groups and quotas are resolved to their
 * ids already (a feed may name them as in the MSPControl catalogue, e.g. "Mail Accounts").
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
        boolean ended)
        implements ProvisioningRecord {

    /** A resource group enabled in the plan. */
    public record Group(int groupId, boolean enabled, boolean calculateDiskSpace, boolean calculateBandwidth) {}

    /** A quota value of the plan; -1 is unlimited, 0/1 for on/off quotas. */
    public record Quota(int quotaId, int value) {}

    @Override
    public String customerKey() {
        return null;
    }
}
