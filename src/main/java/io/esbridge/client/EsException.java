package io.esbridge.client;

/** A failed Enterprise Server call, typed by what the caller should do about it. */
public abstract class EsException extends RuntimeException {

    private final String operation;

    protected EsException(String operation, String message, Throwable cause) {
        super(operation + ": " + message, cause);
        this.operation = operation;
    }

    /** The SOAP operation that failed, e.g. {@code AddUser}. */
    public String operation() {
        return operation;
    }

    public abstract ErrorKind kind();
}
