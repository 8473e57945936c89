package io.esbridge.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import io.esbridge.client.Brand;

/**
 * Spring Security leaves alone the paths that check their own credentials: the sandbox's SOAP services and its
 * admin pages (HTTP Basic against the sandbox's users, POSTs without CSRF tokens); the feed push has a login of its
 * own, with its own account (es.feeds.push.*) and realm. With the sandbox on, so that every answer below comes from
 * the part that owns the path: a console chain covering one of them would answer in its place (401 in its own realm, 403 for a POST without a CSRF token, or refuse the sandbox's account).
 */
// The console context with the sandbox on (SandboxConsoleTestSupport), shared with the console's browser tests so
// that Spring builds it once: every path below is owned by a part that runs there, solidcp being both brands' default.
class PathsWithTheirOwnAuthenticationTest extends SandboxConsoleTestSupport {

    static final String CONSOLE_USER = ConsoleTestSupport.USERNAME;
    static final String PUSH_USER = SandboxConsoleTestSupport.PUSH_USERNAME;
    static final String PUSH_PASSWORD = SandboxConsoleTestSupport.PUSH_PASSWORD;
    private static final String FEEDS_REALM = "Basic realm=\"es-bridge feeds\", charset=\"UTF-8\"";
    private static final String NS = Brand.SOLIDCP.namespace();
    private static final String SANDBOX_REALM = "Basic Realm=\"" + Brand.SOLIDCP.realm() + "\"";
    private static final String SANDBOX_ADMIN = basic("serveradmin", SERVER_PASSWORD);

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void theSandboxsSoapServicesCheckTheirOwnCredentialsAndTakePostsWithoutACsrfToken() throws Exception {
        String userExists = "<UserExists xmlns=\"" + NS + "\"><username>serveradmin</username></UserExists>";
        for (String authorization : new String[] {null, basic(CONSOLE_USER, CONSOLE_PASSWORD)}) {
            HttpResponse<String> refused = soap("esUsers", "UserExists", authorization, userExists);
            assertThat(refused.statusCode())
                    .as("the sandbox refuses " + (authorization == null ? "no account" : "the console's account"))
                    .isEqualTo(401);
            assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue(SANDBOX_REALM);
            assertThat(refused.body()).isEqualTo("401 Access Denied");
        }

        HttpResponse<String> exists = soap("esUsers", "UserExists", SANDBOX_ADMIN, userExists);
        assertThat(exists.statusCode()).isEqualTo(200);
        assertThat(exists.body()).contains("<UserExistsResult>true</UserExistsResult>");
        HttpResponse<String> plans = soap(
                "esPackages",
                "GetHostingPlans",
                SANDBOX_ADMIN,
                "<GetHostingPlans xmlns=\"" + NS + "\"><userId>1</userId></GetHostingPlans>");
        assertThat(plans.statusCode()).isEqualTo(200);
        assertThat(plans.body()).contains("GetHostingPlansResponse");
        HttpResponse<String> login = soap(
                "esAuthentication",
                "AuthenticateUser",
                null,
                "<AuthenticateUser xmlns=\"" + NS
                        + "\"><username>serveradmin</username><password>" + SERVER_PASSWORD
                        + "</password></AuthenticateUser>");
        assertThat(login.statusCode()).as("esAuthentication is anonymous").isEqualTo(200);
        assertThat(login.body()).contains("<AuthenticateUserResult>0</AuthenticateUserResult>");
    }

    @Test
    void theSandboxsAdminPagesCheckTheirOwnCredentials() throws Exception {
        HttpResponse<String> anonymous =
                send(HttpRequest.newBuilder(uri("/sandbox/stats")).GET(), null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue(SANDBOX_REALM);

        HttpResponse<String> stats =
                send(HttpRequest.newBuilder(uri("/sandbox/stats")).GET(), SANDBOX_ADMIN);
        assertThat(stats.statusCode()).isEqualTo(200);
        assertThat(stats.body()).contains("\"total\"");
        HttpResponse<String> reset = send(
                HttpRequest.newBuilder(uri("/sandbox/stats/reset")).POST(HttpRequest.BodyPublishers.noBody()),
                SANDBOX_ADMIN);
        assertThat(reset.statusCode()).as("a POST without a CSRF token").isBetween(200, 299);
    }

    @Test
    void theFeedPushRefusesAnonymousCallersInItsOwnRealm() throws Exception {
        HttpResponse<String> push = send(
                HttpRequest.newBuilder(uri("/api/feeds/customers"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{}")),
                null);
        assertThat(push.statusCode()).isEqualTo(401);
        assertThat(push.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(realm -> assertThat(realm).contains("es-bridge feeds"));
    }

    /**
     * The push and the console are two accounts: a billing system's credentials must not open the console's API (a
     * replay of every dead letter), nor the console's the push. Each refusal comes in the realm of the path's account.
     */
    @Test
    void thePushAndTheConsoleEachTakeOnlyTheirOwnAccount() throws Exception {
        String console = basic(CONSOLE_USER, CONSOLE_PASSWORD);
        String push = basic(PUSH_USER, PUSH_PASSWORD);
        for (String path : new String[] {"/api/runs/no-such-run", "/api/feeds/customers"}) {
            HttpResponse<String> refused = path.startsWith("/api/runs")
                    ? send(HttpRequest.newBuilder(uri(path)).GET(), console)
                    : send(
                            HttpRequest.newBuilder(uri(path))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString("[]")),
                            console);
            assertThat(refused.statusCode())
                    .as(path + " with the console's account")
                    .isEqualTo(401);
            assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue(FEEDS_REALM);
        }
        assertThat(send(HttpRequest.newBuilder(uri("/api/runs/no-such-run")).GET(), push)
                        .statusCode())
                .as("the push's account is let through to the run reports")
                .isEqualTo(404);
        HttpResponse<String> replay = send(
                HttpRequest.newBuilder(uri("/api/replay"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"all\":true}")),
                push);
        assertThat(replay.statusCode())
                .as("the console's API with the push's account")
                .isEqualTo(401);
        assertThat(replay.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(realm -> assertThat(realm).doesNotContain("es-bridge feeds"));
    }

    private HttpResponse<String> soap(String service, String operation, String authorization, String content)
            throws Exception {
        String envelope = "<?xml version=\"1.0\" encoding=\"utf-8\"?><soap:Envelope"
                + " xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>" + content
                + "</soap:Body></soap:Envelope>";
        return send(
                HttpRequest.newBuilder(uri("/" + service + ".asmx"))
                        .header("Content-Type", "text/xml; charset=utf-8")
                        .header("SOAPAction", "\"" + NS + "/" + operation + "\"")
                        .POST(HttpRequest.BodyPublishers.ofString(envelope)),
                authorization);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String authorization) throws Exception {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String basic(String username, String password) {
        return "Basic "
                + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
