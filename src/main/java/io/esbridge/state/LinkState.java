package io.esbridge.state;

/** Where a billing key stands with the Enterprise Server. */
public enum LinkState {
    /** A create call was about to be made: whether it reached the server is unknown until reconciled. */
    PENDING,
    /** Linked to an Enterprise Server id, with what was last applied. */
    APPLIED,
    /** Deleted on the server because it ended in billing. */
    DELETED
}
