package io.esbridge.record;

import java.time.LocalDateTime;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import io.esbridge.contract.PackageStatus;

/**
 * A billing service: a hosting space of its customer's user.
 *
 * @param planId   the hosting plan's id on the server, or {@code null} when {@code planName} names it
 * @param planName the hosting plan's name, resolved against the server's plans when {@code planId} is null
 * @param ended    the service ended in billing: the space is cancelled or deleted, by policy
 * @param quotas   the space's own limits by quota id, where they differ from its plan's ({@code OverrideQuotas});
 *                 empty: the plan's limits
 */
public record SubscriptionRecord(
        String key,
        String customerKey,
        Integer planId,
        String planName,
        String packageName,
        String comments,
        PackageStatus status,
        LocalDateTime purchaseDate,
        boolean ended,
        Map<Integer, Integer> quotas)
        implements ProvisioningRecord {

    public SubscriptionRecord {
        // sorted: the applied state compares them as JSON, in one order whatever order the input listed them in
        quotas = quotas == null || quotas.isEmpty() ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(quotas));
    }

    /** A subscription on its plan's limits. */
    public SubscriptionRecord(
            String key,
            String customerKey,
            Integer planId,
            String planName,
            String packageName,
            String comments,
            PackageStatus status,
            LocalDateTime purchaseDate,
            boolean ended) {
        this(key, customerKey, planId, planName, packageName, comments, status, purchaseDate, ended, Map.of());
    }
}
