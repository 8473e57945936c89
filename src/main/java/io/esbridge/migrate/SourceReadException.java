package io.esbridge.migrate;

/**
 * The source stopped answering mid-read (after its retries): nothing was provisioned, and what was read is kept
 * ({@link ReadJournal}), so the same migration run again goes on from there.
 */
public class SourceReadException extends RuntimeException {

    SourceReadException(String message, Throwable cause) {
        super(message, cause);
    }
}
