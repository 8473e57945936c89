package io.esbridge.state;

/**
 * What a link records of its object besides the id: where it hangs on the server and what was applied, so that the next
 * sight of the record can tell what changed without asking the server.
 *
 * @param parentEsId   the user id of a package, the package id of an add-on (null for users and plans)
 * @param appliedJson  what was last applied, secrets left out (null: not known, e.g. an adopted user)
 * @param fingerprint  SHA-256 of appliedJson, for a cheap comparison
 * @param passwordHash keyed hash of the last applied password (customers)
 */
public record LinkData(Integer parentEsId, String appliedJson, String fingerprint, String passwordHash) {

    /** Nothing known of what the object holds: every field of the next record counts as changed. */
    public static final LinkData UNKNOWN = new LinkData(null, null, null, null);

    public LinkData withParent(Integer parent) {
        return new LinkData(parent, appliedJson, fingerprint, passwordHash);
    }
}
