package io.esbridge.sandbox;

/**
 * An exception the real server does not handle (a null reference on an unknown id, a SQL error): ASMX answers HTTP
 * 500 soap:Server "Server was unable to process request. ---&gt; message".
 */
final class ServerFaultException extends RuntimeException {

    /** The text .NET gives a NullReferenceException, which is what an unknown id causes in many operations. */
    static final String NULL_REFERENCE = "Object reference not set to an instance of an object.";

    ServerFaultException(String message) {
        super(message);
    }
}
