package io.esbridge.sandbox;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLStreamException;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One ASMX service of the sandbox ({@code /esUsers.asmx} …). Dispatches on the SOAPAction header like ASMX, checks
 * HTTP Basic like the real server's WSE filter (401 without SOAP), applies the injected faults, counts every call.
 */
final class EnterpriseServerServlet extends HttpServlet {

    /** Request attribute: nanoseconds of injected latency and slowness spent on this request. */
    private static final String INJECTED = EnterpriseServerServlet.class.getName() + ".injected";

    private static final Logger LOG = LoggerFactory.getLogger(EnterpriseServerServlet.class);
    private static final String XML = "text/xml; charset=utf-8";

    private final String service;
    private final String namespace;
    private final String realm;
    private final SoapOperations operations;
    private final SoapCodec codec;
    private final WsdlDocuments wsdl;
    private final BasicAuthenticator authenticator;
    private final SandboxFaults faults;
    private final SandboxStats stats;

    EnterpriseServerServlet(
            String service,
            String namespace,
            String realm,
            SoapOperations operations,
            SoapCodec codec,
            WsdlDocuments wsdl,
            BasicAuthenticator authenticator,
            SandboxFaults faults,
            SandboxStats stats) {
        this.service = service;
        this.namespace = namespace;
        this.realm = realm;
        this.operations = operations;
        this.codec = codec;
        this.wsdl = wsdl;
        this.authenticator = authenticator;
        this.faults = faults;
        this.stats = stats;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String query = request.getQueryString();
        if (query == null || !query.equalsIgnoreCase("wsdl")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        byte[] body = wsdl.wsdl(service, request.getRequestURL().toString()).getBytes(StandardCharsets.UTF_8);
        response.setContentType(XML);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long began = System.nanoTime();
        try {
            answer(request, response);
        } finally {
            stats.recordOwnTime(System.nanoTime()
                    - began
                    - (request.getAttribute(INJECTED) instanceof Long injected ? injected : 0L));
        }
    }

    private void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String action = unquote(request.getHeader("SOAPAction"));
        SoapOperation operation = action != null && action.startsWith(namespace + "/")
                ? operations.find(service, action.substring(namespace.length() + 1))
                : null;
        if (operation == null) {
            fault(
                    response,
                    "Client",
                    "Server did not recognize the value of HTTP Header SOAPAction: " + (action == null ? "" : action)
                            + ".");
            return;
        }
        stats.recordCall(operation.name(), action);
        FaultSettings settings = faults.settings();
        // read first only when faults are picked by content; otherwise the request streams into the codec
        byte[] requestBody = settings.picksCalls() ? request.getInputStream().readAllBytes() : null;
        PanelWorkers panel = faults.panel();
        long arrived = System.nanoTime();
        int queued = panel.enter(stats);
        // the wait for a worker is the panel's queue, played like the latency: not the sandbox's own time
        injected(request, System.nanoTime() - arrived);
        try {
            work(request, response, operation, settings, requestBody, queued);
        } finally {
            panel.leave();
        }
    }

    /** One call on one of the panel's workers, its latency included. */
    private void work(
            HttpServletRequest request,
            HttpServletResponse response,
            SoapOperation operation,
            FaultSettings settings,
            byte[] requestBody,
            int queued)
            throws IOException {
        pause(request, faults.latencyMillis(settings, queued));
        switch (faults.verdict(settings, operation.name(), requestBody)) {
            case OUTAGE -> {
                plain(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Service Unavailable");
                return;
            }
            case HTTP_ERROR -> {
                plain(response, settings.httpErrorStatus(), "Server Error");
                return;
            }
            case SOAP_FAULT -> {
                fault(response, "Server", "Server was unable to process request. ---> " + SqlServerErrors.DEADLOCK);
                return;
            }
            case SERVE -> {}
        }
        Integer caller = SoapOperations.SUPERVISOR;
        if (operation.authenticated()) {
            caller = authenticator.userId(request.getHeader("Authorization"));
            if (caller == null) {
                denyAccess(response);
                return;
            }
        }
        Object parameters;
        try {
            parameters = codec.read(
                    requestBody != null ? new ByteArrayInputStream(requestBody) : request.getInputStream(),
                    operation,
                    stats::recordBodyNamespace);
        } catch (SoapCodec.UnreadableRequest e) {
            if (e.malformed()) {
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                response.setContentLength(0);
            } else {
                fault(response, "Client", e.getMessage());
            }
            return;
        }
        Object answer;
        try {
            answer = operation.handler().apply(caller, parameters);
        } catch (ServerFaultException e) {
            fault(response, "Server", "Server was unable to process request. ---> " + e.getMessage());
            return;
        } catch (RuntimeException e) {
            // a database error faults in SQL Server's words: the H2 text (SQL, table names) stays in this log
            LOG.warn("Sandbox {} failed", operation.name(), e);
            String database = SqlServerErrors.of(e);
            fault(
                    response,
                    "Server",
                    "Server was unable to process request. ---> " + (database != null ? database : e.getMessage()));
            return;
        }
        // A slow answer: the write above is applied, the client gives up waiting (reconciliation tests).
        pause(request, faults.slowAnswerMillis(settings, operation.name(), requestBody));
        // Buffered, to answer with a Content-Length in one write as ASMX does, not in chunks.
        ByteArrayOutputStream body = new ByteArrayOutputStream(2048);
        try {
            codec.writeAnswer(body, answer);
        } catch (Exception e) {
            throw new IOException("Cannot write the answer of " + operation.name(), e);
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(XML);
        response.setContentLength(body.size());
        try (OutputStream out = response.getOutputStream()) {
            body.writeTo(out);
        } catch (IOException clientGone) {
            LOG.debug("Sandbox {}: the client left before the answer", operation.name());
        }
    }

    private void denyAccess(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", "Basic Realm=\"" + realm + "\"");
        byte[] body = "401 Access Denied".getBytes(StandardCharsets.US_ASCII);
        response.setContentType("text/html");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private void fault(HttpServletResponse response, String code, String text) throws IOException {
        response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
        response.setContentType(XML);
        try (OutputStream out = response.getOutputStream()) {
            codec.writeFault(out, code, text);
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    /** What IIS answers without ASP.NET behind it: a status and a short HTML page, no SOAP. */
    private static void plain(HttpServletResponse response, int status, String title) throws IOException {
        byte[] body = ("<html><head><title>" + title + "</title></head><body><h1>" + title + "</h1></body></html>")
                .getBytes(StandardCharsets.US_ASCII);
        response.setStatus(status);
        response.setContentType("text/html");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** An injected delay, counted on the request so that the sandbox's own time leaves it out. */
    private static void pause(HttpServletRequest request, long millis) {
        if (millis > 0) {
            long began = System.nanoTime();
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            injected(request, System.nanoTime() - began);
        }
    }

    private static void injected(HttpServletRequest request, long nanos) {
        request.setAttribute(
                INJECTED, request.getAttribute(INJECTED) instanceof Long earlier ? earlier + nanos : nanos);
    }

    private static String unquote(String action) {
        if (action == null) {
            return null;
        }
        String a = action.strip();
        return a.length() >= 2 && a.startsWith("\"") && a.endsWith("\"") ? a.substring(1, a.length() - 1) : a;
    }
}
