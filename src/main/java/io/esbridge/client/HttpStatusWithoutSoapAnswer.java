package io.esbridge.client;

/** An HTTP error status whose body is not a SOAP envelope (a proxy's or IIS's own error page). */
final class HttpStatusWithoutSoapAnswer extends RuntimeException {

    private final int statusCode;

    HttpStatusWithoutSoapAnswer(int statusCode, String contentType) {
        super("HTTP " + statusCode + " with content type " + contentType);
        this.statusCode = statusCode;
    }

    int statusCode() {
        return statusCode;
    }
}
