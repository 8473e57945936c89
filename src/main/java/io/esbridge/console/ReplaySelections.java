package io.esbridge.console;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import io.esbridge.errors.ReplayService.Selection;

/**
 * A replay request (from a console button or the API) as a {@link Selection}. Replaying everything must be asked for
 * ({@code all}): a request that names nothing is refused rather than taken to mean "all".
 */
final class ReplaySelections {

    private ReplaySelections() {
    }

    /** {@code code} is an error code (number) or a constant name. */
    static Selection of(String runId, String code, boolean all) {
        boolean hasRun = runId != null && !runId.isBlank();
        boolean hasCode = code != null && !code.isBlank();
        if (all && !hasRun && !hasCode) {
            return Selection.all();
        }
        if (all || hasRun == hasCode) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "name exactly one of: a run (runId), an error code or name (code), or all");
        }
        if (hasRun) {
            return new Selection(runId.strip(), null, null);
        }
        String c = code.strip();
        return c.matches("-?\\d+") ? new Selection(null, Integer.valueOf(c), null) : new Selection(null, null, c);
    }
}
