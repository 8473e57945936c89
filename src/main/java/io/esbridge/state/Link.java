package io.esbridge.state;

import java.time.Instant;

import io.esbridge.record.RecordType;

/**
 * A billing key's link to an Enterprise Server object.
 *
 * @param esId         the user, package, package add-on or plan id (null while pending)
 * @param parentEsId   the user id of a package, the package id of an add-on
 * @param intentName   the name a pending create is looked up by (username, package name, plan name)
 * @param appliedJson  what was last applied, secrets left out
 * @param fingerprint  SHA-256 of appliedJson, for a cheap comparison
 * @param passwordHash keyed hash of the last applied password (customers)
 * @param updatedAt    when the link was last written; for a pending link, when the create was announced (an object
 *                     the server dates earlier than that was not made by this create)
 */
public record Link(
        RecordType type,
        String billingKey,
        LinkState state,
        Integer esId,
        Integer parentEsId,
        String intentName,
        String appliedJson,
        String fingerprint,
        String passwordHash,
        Instant updatedAt) {

    public boolean applied() {
        return state == LinkState.APPLIED;
    }

    /** What the link records of its object, to be written again as it is (a reconciled create, a status kept). */
    public LinkData data() {
        return new LinkData(parentEsId, appliedJson, fingerprint, passwordHash);
    }
}
