package io.esbridge.record;

import java.util.Map;

/**
 * The one shape every source produces and provisioning consumes. After mapping nothing downstream knows where a
 * record came from, except through {@link #source()} for error reports.
 *
 * @param runId      the run (one file, one push, one sync execution) the record belongs to
 * @param source     file and line, push and index, or table and row key
 * @param type       what the record becomes on the server
 * @param billingKey the billing system's key of the record (client id, service id, add-on id, product code)
 * @param payload    the mapped record: {@link CustomerRecord}, {@link SubscriptionRecord}, {@link AddonRecord} or
 *                   {@link PlanRecord}; or a {@link StatusChangeRecord} of a customer or subscription gone from billing
 * @param raw        the input as read (column or property → text), secrets masked, for error reports
 */
public record RecordEnvelope(
        String runId,
        SourceRef source,
        RecordType type,
        String billingKey,
        ProvisioningRecord payload,
        Map<String, String> raw) {

    /** The billing key of the customer this record belongs to: records of one customer apply in order. */
    public String customerKey() {
        return payload.customerKey();
    }
}
