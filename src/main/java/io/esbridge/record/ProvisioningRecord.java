package io.esbridge.record;

/** A mapped, validated billing record, ready for provisioning. */
public sealed interface ProvisioningRecord permits CustomerRecord, SubscriptionRecord, AddonRecord, PlanRecord {

    /** The billing key of the record itself. */
    String key();

    /** The billing key of the customer the record belongs to ({@code null} for plans, which belong to nobody). */
    String customerKey();
}
