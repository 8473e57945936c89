package io.esbridge.record;

/**
 * Not a billing row but what a reconciling sync decided for one that billing no longer has
 * ({@code es.sync.disappeared}): the user or hosting space linked to {@code key} gets {@code status}. It travels in an
 * envelope keyed like the record it comes from (type and billing key), so it is ordered with that customer's other
 * records, and a failure of it is dead-lettered and replayed under that key.
 *
 * @param target      CUSTOMER (a user) or SUBSCRIPTION (a hosting space)
 * @param customerKey the customer the record belongs to (for a subscription, the one it was linked under), or null
 */
public record StatusChangeRecord(RecordType target, String key, String customerKey, Status status)
        implements ProvisioningRecord {

    /** Named as the constants of both UserStatus and PackageStatus, and as a link's applied JSON holds them. */
    public enum Status {
        SUSPENDED,
        CANCELLED
    }
}
