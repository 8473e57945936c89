package io.esbridge.client;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLException;
import javax.xml.namespace.QName;

import jakarta.xml.ws.soap.SOAPFaultException;

import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.transport.http.HTTPException;
import org.springframework.http.HttpStatus;

/**
 * Turns whatever CXF threw into one of the typed {@link EsException}s. Later stages retry on exactly this
 * distinction, so it is made here once, from the cause chain, and tested with real failures.
 */
final class ErrorClassifier {

    /**
     * SOAP faults whose text says the server's database gave up on this attempt (SQL Server deadlock victim,
     * command timeout): the same call may succeed when made again.
     */
    private static final List<String> TRANSIENT_FAULT_TEXTS =
            List.of("deadlock", "timeout expired", "server is too busy", "service unavailable");

    /**
     * The text of the access-check stored procedures' RAISERROR for a space (contract section 1.4). Only the package
     * text: "...this account" is also what the server answers for an unknown user id, so it stays a plain fault.
     */
    private static final String PACKAGE_RIGHTS_FAULT_TEXT = "you are not allowed to access this package";

    private ErrorClassifier() {}

    static EsException classify(String operation, Throwable thrown) {
        if (thrown instanceof EsException es) {
            return es;
        }
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            EsException typed = classifyOne(operation, t);
            if (typed != null) {
                return typed;
            }
        }
        return new EsFaultException(operation, "Unknown", String.valueOf(thrown.getMessage()), thrown);
    }

    private static EsException classifyOne(String operation, Throwable t) {
        if (t instanceof EsException es) {
            return es;
        }
        if (t instanceof SOAPFaultException sfe && sfe.getFault() != null) {
            return fault(
                    operation,
                    sfe.getFault().getFaultCodeAsQName(),
                    sfe.getFault().getFaultString(),
                    t);
        }
        if (t instanceof SoapFault sf) {
            return fault(operation, sf.getFaultCode(), sf.getMessage(), t);
        }
        if (t instanceof HTTPException http) {
            return httpStatus(operation, http.getResponseCode(), http.getResponseMessage(), t);
        }
        if (t instanceof HttpStatusWithoutSoapAnswer status) {
            return httpStatus(operation, status.statusCode(), status.getMessage(), t);
        }
        if (t instanceof UnknownHostException) {
            return new EsConfigurationException(
                    operation, "unknown host " + t.getMessage() + ": check es.server.url", t);
        }
        if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
            return new EsTransientException(operation, "cannot connect: " + t.getMessage(), t);
        }
        if (t instanceof HttpTimeoutException || t instanceof SocketTimeoutException) {
            return new EsTransientException(operation, "no answer in time: " + t.getMessage(), t);
        }
        if (t instanceof SSLException) {
            return new EsConfigurationException(
                    operation, "TLS failed (" + t.getMessage() + "): check es.server.trust-store", t);
        }
        if (t instanceof java.io.IOException) {
            return new EsTransientException(operation, "connection failed: " + t.getMessage(), t);
        }
        return null;
    }

    private static EsException fault(String operation, QName code, String text, Throwable t) {
        String local = code == null ? "Server" : code.getLocalPart();
        String message = text == null ? "" : text;
        String lower = message.toLowerCase(Locale.ROOT);
        if ("Server".equals(local) && TRANSIENT_FAULT_TEXTS.stream().anyMatch(lower::contains)) {
            return new EsTransientException(operation, "the server asks to retry: " + message, t);
        }
        if (lower.contains(PACKAGE_RIGHTS_FAULT_TEXT)) {
            return new EsAccessDeniedException(operation, local, message, t);
        }
        return new EsFaultException(operation, local, message, t);
    }

    /** The server's reason phrase, or the standard one: Tomcat and HTTP/2 proxies send none. */
    private static String reason(int status, String text) {
        if (text != null && !text.isBlank() && !"null".equals(text)) {
            return text.strip();
        }
        HttpStatus known = HttpStatus.resolve(status);
        return known == null ? "" : known.getReasonPhrase();
    }

    private static EsException httpStatus(String operation, int status, String text, Throwable t) {
        String reason = reason(status, text);
        String what = "HTTP " + status + (reason.isEmpty() ? "" : " " + reason);
        if (status == 401 || status == 403) {
            return new EsAuthenticationException(
                    operation,
                    what + ": the server refused the credentials; check es.server.username and es.server.password",
                    t);
        }
        if (status >= 500 || status == 408 || status == 429) {
            return new EsTransientException(operation, what + " without a SOAP answer", t);
        }
        if (status == 400) {
            // ASMX answers a request it cannot parse (malformed XML) with an empty 400: this record's request is at
            // fault, not the server's address, so the record fails alone instead of pausing every other one.
            return new EsFaultException(operation, "Client", what + ": the server could not read this request", t);
        }
        return new EsConfigurationException(
                operation, what + ": this URL does not serve the Enterprise Server; check es.server.url", t);
    }
}
