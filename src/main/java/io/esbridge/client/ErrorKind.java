package io.esbridge.client;

/**
 * What a failed Enterprise Server call means for the caller, and so what the error channel does with it.
 */
public enum ErrorKind {
    /** The server answered with a negative BusinessErrorCode: the record is wrong for the server; do not retry. */
    BUSINESS,
    /** HTTP 401: every further call would fail the same way; stop calling until the credentials are fixed. */
    AUTHENTICATION,
    /** Wrong server URL or a server that is not an Enterprise Server: stop calling until the configuration is fixed. */
    CONFIGURATION,
    /** A SOAP fault (access denied to an account, an unknown id, a request the server could not read): do not retry. */
    FAULT,
    /**
     * The server's rights check refused the call ("You are not allowed to access this package"): the caller may not
     * act on that space. A property of the rights or of the record, not of the moment: do not retry.
     */
    ACCESS_DENIED,
    /** Connection refused, timeout, HTTP 5xx without an answer, overload: the same call may succeed later; retry. */
    TRANSIENT
}
