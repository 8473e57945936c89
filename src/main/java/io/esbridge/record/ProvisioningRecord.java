package io.esbridge.record;

/** A mapped, validated billing record, or a status change decided for one gone from billing, ready for provisioning. */
public sealed interface ProvisioningRecord
        permits CustomerRecord, SubscriptionRecord, AddonRecord, PlanRecord, StatusChangeRecord {

    /** The billing key of the record itself. */
    String key();

    /** The billing key of the customer the record belongs to ({@code null} for plans, which belong to nobody). */
    String customerKey();
}
