package io.esbridge.record;

import java.time.LocalDateTime;

import io.esbridge.contract.PackageStatus;

/**
 * A billing add-on of a service: a package add-on of its subscription's hosting space.
 *
 * @param planId   the add-on plan's id, or {@code null} when {@code planName} names it
 * @param ended    the add-on ended in billing: it is deleted from the space
 */
public record AddonRecord(
        String key,
        String subscriptionKey,
        String customerKey,
        Integer planId,
        String planName,
        int quantity,
        PackageStatus status,
        LocalDateTime purchaseDate,
        String comments,
        boolean ended)
        implements ProvisioningRecord {}
