package io.esbridge.client;

/**
 * The SOAP fault of the server's rights check ("You are not allowed to access this package"): the caller has no
 * rights on the space a call names, typically the parent space of a new space (the plan's space) or a space of
 * another reseller's tree. It is a configuration of rights or of the record, never a passing state: repeating the call
 * fails the same way, so it is not retried and the record fails alone.
 */
public class EsAccessDeniedException extends EsFaultException {

    public EsAccessDeniedException(String operation, String faultCode, String faultString, Throwable cause) {
        super(operation, faultCode, faultString, cause);
    }

    @Override
    public String getMessage() {
        return super.getMessage()
                + " (the caller has no rights on that space: check es.server.username and the plan's space)";
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.ACCESS_DENIED;
    }
}
