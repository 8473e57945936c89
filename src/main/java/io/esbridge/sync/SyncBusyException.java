package io.esbridge.sync;

/** A sync was asked for while one is running in the same process. */
public class SyncBusyException extends RuntimeException {

    public SyncBusyException(String message) {
        super(message);
    }
}
