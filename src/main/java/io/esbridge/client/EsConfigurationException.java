package io.esbridge.client;

/** The configured server URL does not lead to an Enterprise Server (HTTP 404, unknown host, not SOAP). */
public class EsConfigurationException extends EsException {

    public EsConfigurationException(String operation, String message, Throwable cause) {
        super(operation, message, cause);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.CONFIGURATION;
    }
}
