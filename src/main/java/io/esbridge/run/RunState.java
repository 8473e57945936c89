package io.esbridge.run;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a run stands ({@code es_run.state}). A run ends FINISHED once every record read has an outcome, or INTERRUPTED
 * when the es-bridge process running it stopped first (killed, crashed, its host lost): then its report holds the
 * counts it reached, and importing the same input again finishes the work.
 */
public enum RunState {
    RUNNING,
    FINISHED,
    INTERRUPTED;

    /** As the report JSON (also where Jackson writes a report), the status command and the console show it. */
    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
