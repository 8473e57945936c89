package io.esbridge.client;

/**
 * A SOAP fault: {@code soap:Server} for an exception on the server (for example "You are not allowed to access this
 * account"), {@code soap:Client} for a request the server could not read.
 */
public class EsFaultException extends EsException {

    private final String faultCode;
    private final String faultString;

    public EsFaultException(String operation, String faultCode, String faultString, Throwable cause) {
        super(operation, "SOAP fault " + faultCode + ": " + faultString, cause);
        this.faultCode = faultCode;
        this.faultString = faultString;
    }

    /** The fault code's local part: {@code Server} or {@code Client}. */
    public String faultCode() {
        return faultCode;
    }

    public String faultString() {
        return faultString;
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.FAULT;
    }
}
