package io.esbridge.run;

import java.time.Instant;

/** When a record of a run was recorded and whether it failed ({@link RunQueries#recorded}, the throughput chart). */
public record Recorded(Instant at, boolean failed) {}
