package io.esbridge.client;

/** The call may succeed if made again later: connection refused, timeout, HTTP 5xx without an answer, deadlock. */
public class EsTransientException extends EsException {

    public EsTransientException(String operation, String message, Throwable cause) {
        super(operation, message, cause);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.TRANSIENT;
    }
}
