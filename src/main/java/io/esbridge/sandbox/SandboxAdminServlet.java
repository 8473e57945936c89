package io.esbridge.sandbox;

import java.io.IOException;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Drives the sandbox while it runs, for benchmarks and reliability tests: {@code GET/PUT /sandbox/faults} (JSON
 * {@link FaultSettings}), {@code GET /sandbox/stats}, {@code POST /sandbox/stats/reset}. Only serveradmin's Basic
 * credentials are accepted.
 */
final class SandboxAdminServlet extends HttpServlet {

    private final SandboxFaults faults;
    private final SandboxStats stats;
    private final BasicAuthenticator authenticator;
    private final ObjectMapper json;
    private final String realm;

    SandboxAdminServlet(
            SandboxFaults faults,
            SandboxStats stats,
            BasicAuthenticator authenticator,
            ObjectMapper json,
            String realm) {
        this.faults = faults;
        this.stats = stats;
        this.authenticator = authenticator;
        this.json = json;
        this.realm = realm;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Integer caller = authenticator.userId(request.getHeader("Authorization"));
        if (caller == null || caller != UserDirectory.ADMIN_ID) {
            response.setHeader("WWW-Authenticate", "Basic Realm=\"" + realm + "\"");
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "Access Denied");
            return;
        }
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        String method = request.getMethod();
        if (path.equals("/faults") && method.equals("GET")) {
            write(response, faults.settings());
        } else if (path.equals("/faults") && method.equals("PUT")) {
            try {
                faults.set(json.readValue(request.getInputStream(), FaultSettings.class));
            } catch (JacksonException e) {
                response.sendError(HttpServletResponse.SC_BAD_REQUEST, e.getOriginalMessage());
                return;
            }
            write(response, faults.settings());
        } else if (path.equals("/stats") && method.equals("GET")) {
            write(response, stats.snapshot());
        } else if (path.equals("/stats/reset") && method.equals("POST")) {
            stats.reset();
            write(response, stats.snapshot());
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    private void write(HttpServletResponse response, Object value) throws IOException {
        response.setContentType("application/json");
        json.writeValue(response.getOutputStream(), value);
    }
}
