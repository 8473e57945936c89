package io.esbridge.client;

/** HTTP 401 from the server: the configured username or password is wrong. */
public class EsAuthenticationException extends EsException {

    public EsAuthenticationException(String operation, String message, Throwable cause) {
        super(operation, message, cause);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.AUTHENTICATION;
    }
}
