package io.esbridge.check;

/**
 * How much a finding of the pre-flight check matters: an error is what would fail at import, a warning what an import
 * would decide by a policy (so the outcome depends on a setting the operator should look at), a note what is only
 * worth knowing.
 */
public enum Grade {
    ERROR,
    WARNING,
    NOTE
}
