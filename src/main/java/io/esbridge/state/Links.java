package io.esbridge.state;

import java.util.List;
import java.util.Optional;

import io.esbridge.record.RecordType;

/** The link operations provisioning needs: the state store's, or a dry run's overlay of them. */
public interface Links {

    Optional<Link> find(RecordType type, String billingKey);

    Optional<String> billingKeyOf(RecordType type, int esId);

    /** Announces a create of {@code intentName} with what it will apply, before the call (durable first). */
    void recordIntent(RecordType type, String billingKey, String intentName, LinkData data, String runId);

    /** Links the key to its object with what was applied. @return the link as written */
    Link markApplied(RecordType type, String billingKey, int esId, LinkData data, String runId);

    void markDeleted(RecordType type, String billingKey, String runId);

    void forgetIntent(RecordType type, String billingKey);

    /** The applied links of this type whose parent is {@code parentEsId}: a user's customers, a user's spaces. */
    List<Link> children(RecordType type, int parentEsId);

    /** Records that a reseller's status cascade covers the link ({@code resellerKey}), or clears it (null). */
    void markCascade(RecordType type, String billingKey, String resellerKey);

    /** The reseller whose status cascade covers the link, if any. */
    Optional<String> cascadeOf(RecordType type, String billingKey);
}
