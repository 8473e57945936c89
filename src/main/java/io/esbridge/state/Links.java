package io.esbridge.state;

import java.util.Optional;

import io.esbridge.record.RecordType;

/** The link operations provisioning needs: the state store's, or a dry run's overlay of them. */
public interface Links {

    Optional<Link> find(RecordType type, String billingKey);

    Optional<String> billingKeyOf(RecordType type, int esId);

    void recordIntent(RecordType type, String billingKey, Integer parentEsId, String intentName, String appliedJson,
            String fingerprint, String passwordHash, String runId);

    void markApplied(RecordType type, String billingKey, int esId, Integer parentEsId, String appliedJson,
            String fingerprint, String passwordHash, String runId);

    void markDeleted(RecordType type, String billingKey, String runId);

    void forgetIntent(RecordType type, String billingKey);
}
