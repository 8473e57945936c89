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
        CREATE_IN_PROGRESS
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
