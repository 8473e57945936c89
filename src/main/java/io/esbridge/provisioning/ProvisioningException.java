package io.esbridge.provisioning;

import io.esbridge.errors.RecordRefusal;

/**
 * Provisioning refused a record for a reason of its own (not a server error): a username held by someone else, a
 * subscription whose customer is not provisioned, a plan name the server does not know, an ambiguous reconciliation.
 * Retrying the same record unchanged would fail the same way.
 */
public class ProvisioningException extends RuntimeException implements RecordRefusal {

    /** Why, as a short constant an operator can filter on. */
    public enum Reason {
        USERNAME_TAKEN,
        CUSTOMER_NOT_PROVISIONED,
        SUBSCRIPTION_NOT_PROVISIONED,
        UNKNOWN_PLAN,
        AMBIGUOUS_MATCH,
        PASSWORD_MISSING,
        GONE_FROM_SERVER,
        CREATE_IN_PROGRESS,
        /** The customer's owner (by {@code OwnerKey}) has no link yet, or no input provided it. */
        OWNER_NOT_PROVISIONED,
        /** The customer named as owner is not a reseller (role 2). */
        OWNER_NOT_RESELLER,
        /** The owner keys form a cycle (A owns B owns A). */
        OWNER_CYCLE,
        /** Billing moved the customer to another owner: the API has no supported way to re-parent its spaces. */
        OWNER_CHANGED,
        /** The plan named is not one of the customer's owner's plans (the server would hang the space under System). */
        PLAN_NOT_OWNERS,
        /** A reseller plan's space (the reseller's subscription) is not provisioned yet. */
        SPACE_NOT_PROVISIONED
    }

    private final Reason reason;

    public ProvisioningException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    @Override
    public String reasonName() {
        return reason.name();
    }
}
