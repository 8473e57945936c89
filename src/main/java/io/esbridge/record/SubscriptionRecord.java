package io.esbridge.record;

import java.time.LocalDateTime;

import io.esbridge.contract.PackageStatus;

/**
 * A billing service: a hosting space of its customer's user.
 *
 * @param planId   the hosting plan's id on the server, or {@code null} when {@code planName} names it
 * @param planName the hosting plan's name, resolved against the server's plans when {@code planId} is null
 * @param ended    the service ended in billing: the space is cancelled or deleted, by policy
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
        boolean ended)
        implements ProvisioningRecord {}
