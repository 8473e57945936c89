package io.esbridge.run;

/** What became of one record of a run; every record ends in exactly one. */
public enum Outcome {
    CREATED,
    UPDATED,
    UNCHANGED,
    FAILED
}
