package io.esbridge.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

import io.esbridge.EsBridgeApplication;
import io.esbridge.cli.Cli;
import io.esbridge.cli.ExitCodes;

/**
 * What {@code es.server.brand=auto} and a brand given by hand make of answers that are not a sandbox's: a server
 * nobody listens on, a 401, a page or a WSDL of something else, and Enterprise Server WSDLs of versions the sandbox
 * does not play (served by a tiny HTTP server of this test). Each failure is one sentence, and a one-shot command
 * whose target is refused exits 2 with it.
 */
class BrandDetectionTest {

    private static final String USER = "serveradmin";

    private HttpServer server;
    private volatile int status = 200;
    private volatile String contentType = "text/xml; charset=utf-8";
    private volatile String body = "";
    private final List<String> authorizations = new CopyOnWriteArrayList<>();

    @TempDir
    Path folder;

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", contentType);
            if (status == 401) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Basic Realm=\"SolidCP Enterprise Server\"");
            }
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    private static EsServerProperties target(String url, BrandChoice brand) {
        return new EsServerProperties(
                url,
                USER,
                "not-shown-Pw-9",
                brand,
                null,
                null,
                Duration.ofSeconds(5),
                Duration.ofSeconds(5),
                1,
                null,
                null,
                "PKCS12");
    }

    @Test
    void anUnreachableServerIsOneSentence() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        String nobody = "http://127.0.0.1:" + closed + "/";

        assertThatThrownBy(() -> BrandDetection.resolve(target(nobody, BrandChoice.AUTO), "es.server.brand"))
                .isInstanceOf(BrandDetectionException.class)
                .hasMessageStartingWith("The Enterprise Server at " + nobody + " cannot be reached (ConnectException");
    }

    @Test
    void a401NamesTheUserAndNotThePassword() {
        status = 401;
        body = "401 Access Denied";
        contentType = "text/plain";

        assertThatThrownBy(() -> BrandDetection.resolve(target(url(), BrandChoice.AUTO), "es.server.brand"))
                .isInstanceOf(BrandDetectionException.class)
                .hasMessage("The Enterprise Server at " + url() + " refused the user 'serveradmin' (HTTP 401 to "
                        + "esUsers.asmx?WSDL): check the username and password")
                .message()
                .doesNotContain("not-shown-Pw-9");
        // the WSDL is asked for with the client's credentials, pre-emptively, as the SOAP calls are
        assertThat(authorizations).singleElement().asString().startsWith("Basic ");
    }

    @Test
    void aPageThatIsNotAWsdlIsOneSentence() {
        contentType = "text/html";
        body = "<html><body>It works!</body></html>";

        assertThatThrownBy(() -> BrandDetection.detect(url(), USER, "pw"))
                .isInstanceOf(BrandDetectionException.class)
                .hasMessage("The server at " + url() + " answered esUsers.asmx?WSDL with something that is not a "
                        + "WSDL (text/html): it is not an Enterprise Server, or the URL is not the folder holding "
                        + "esUsers.asmx");
    }

    @Test
    void theWsdlOfAnotherServiceIsOneSentence() {
        body =
                """
                <?xml version="1.0" encoding="utf-8"?>
                <wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/"
                    xmlns:s="http://www.w3.org/2001/XMLSchema" targetNamespace="http://tempuri.org/">
                  <wsdl:types>
                    <s:schema elementFormDefault="qualified" targetNamespace="http://tempuri.org/">
                      <s:element name="Add">
                        <s:complexType><s:sequence>
                          <s:element minOccurs="1" maxOccurs="1" name="intA" type="s:int"/>
                          <s:element minOccurs="1" maxOccurs="1" name="intB" type="s:int"/>
                        </s:sequence></s:complexType>
                      </s:element>
                    </s:schema>
                  </wsdl:types>
                </wsdl:definitions>
                """;

        assertThatThrownBy(() -> BrandDetection.detect(url(), USER, "pw"))
                .isInstanceOf(BrandDetectionException.class)
                .hasMessage("The WSDL at " + url() + "esUsers.asmx?WSDL (namespace http://tempuri.org/) is not an "
                        + "Enterprise Server's: it declares no UserInfo type or no AddUser operation");
    }

    @Test
    void anotherHttpStatusSaysWhatTheUrlMustBe() {
        status = 404;
        body = "Not Found";

        assertThatThrownBy(() -> BrandDetection.detect(url(), USER, "pw"))
                .isInstanceOf(BrandDetectionException.class)
                .hasMessage("The server at " + url() + " answered HTTP 404 to esUsers.asmx?WSDL: the URL must be the "
                        + "folder holding an Enterprise Server's esUsers.asmx");
    }

    @Test
    void aSolidCpWhoseAddUserHasNoNotesGetsThePasswordParameterShape() {
        // SolidCP 2017 to 2020-04: AddUser(user, sendLetter, password)
        body = contractWsdl().replaceFirst("\\s*<s:element [^>]*name=\"notes\"[^>]*/>", "");

        Detection found = BrandDetection.detect(url(), USER, "pw");

        assertThat(found.brand()).isEqualTo(Brand.SOLIDCP);
        assertThat(found.shape()).isEqualTo(AddUserShape.PASSWORD_PARAMETER);
        assertThat(found.found().addUserParameters()).containsExactly("user", "sendLetter", "password");
        assertThat(BrandDetection.resolve(target(url(), BrandChoice.AUTO), "es.server.brand")
                        .effectiveAddUserShape())
                .isEqualTo(AddUserShape.PASSWORD_PARAMETER);
    }

    @Test
    void aBrandSendingThePasswordWhereTheServerReadsNoneIsRefused() {
        // a SolidCP WSDL whose AddUser has no password parameter and whose UserInfo has no Password
        body = contractWsdl()
                .replaceFirst("\\s*<s:element [^>]*name=\"password\"[^>]*/>", "")
                .replaceFirst("\\s*<s:element [^>]*name=\"Password\"[^>]*/>", "");

        assertThatThrownBy(
                        () -> BrandDetection.resolve(target(url(), BrandChoice.of(Brand.SOLIDCP)), "es.server.brand"))
                .isInstanceOf(BrandDetectionException.class)
                .hasMessageStartingWith("es.server.brand=solidcp contradicts the Enterprise Server at " + url()
                        + ": solidcp sends the password as AddUser's password parameter, which its WSDL lacks "
                        + "(AddUser(user, sendLetter, notes)), so users would be created without their password");
    }

    @Test
    void aBrandGivenByHandIsKeptWhenTheWsdlCannotBeRead() {
        status = 404;

        EsServerProperties given = target(url(), BrandChoice.of(Brand.WEBSITEPANEL));

        assertThat(BrandDetection.resolve(given, "es.server.brand")).isSameAs(given);
    }

    @Test
    void aOneShotCommandWhoseTargetRefusesTheWsdlExits2WithTheSentence() {
        status = 401;
        body = "401 Access Denied";

        PrintStream err = System.err;
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int exit;
        try {
            System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
            exit = Cli.run(
                    EsBridgeApplication.class,
                    "status",
                    "--es.server.url=" + url(),
                    "--es.server.brand=auto",
                    "--es.sandbox.enabled=false",
                    "--spring.datasource.url=jdbc:h2:mem:brand-detection;DB_CLOSE_DELAY=-1",
                    "--es.state.secret-key-file=target/test-secret.key",
                    "--es.console.password-file=" + folder.resolve("console-password"),
                    "--logging.file.name=" + folder.resolve("es-bridge.log"));
        } finally {
            System.setErr(err);
        }

        assertThat(exit).isEqualTo(ExitCodes.COULD_NOT_RUN);
        assertThat(stderr.toString(StandardCharsets.UTF_8))
                .contains("es-bridge could not run: The Enterprise Server at " + url() + " refused the user "
                        + "'serveradmin' (HTTP 401 to esUsers.asmx?WSDL)");
    }

    @Test
    void autoOnTheBuiltInSandboxFindsTheBrandItPlaysByDefaultAndLogsWhatItFound() throws IOException {
        // es.sandbox.brand follows es.server.brand (config/application.yml): auto there plays the default, solidcp
        int exit = Cli.run(
                EsBridgeApplication.class,
                "status",
                "--es.server.brand=auto",
                "--es.server.url=",
                "--es.sandbox.enabled=true",
                "--es.sandbox.datasource-url=jdbc:h2:mem:brand-detection-sandbox;DB_CLOSE_DELAY=-1",
                "--spring.datasource.url=jdbc:h2:mem:brand-detection-sandbox-state;DB_CLOSE_DELAY=-1",
                "--es.state.secret-key-file=target/test-secret.key",
                "--es.console.password-file=" + folder.resolve("console-password"),
                "--logging.file.name=" + folder.resolve("es-bridge.log"));

        assertThat(exit).isEqualTo(ExitCodes.OK);
        assertThat(Files.readString(folder.resolve("es-bridge.log")))
                .containsPattern(
                        "es.server.brand=auto: the Enterprise Server at http://localhost:\\d+/ is brand solidcp"
                                + " \\(namespace http://smbsaas/solidcp/enterpriseserver, UserInfo has \\d+ members including "
                                + "LoginStatusId, LoginStatus, FailedLogins, SubscriberNumber, MfaMode, AdditionalParams, "
                                + "Vlans; AddUser\\(user, sendLetter, password, notes\\)\\)");
    }

    @Test
    void aOneShotCommandWhoseBrandTheSandboxContradictsExits2NamingBothNamespaces() {
        PrintStream err = System.err;
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int exit;
        try {
            System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
            exit = Cli.run(
                    EsBridgeApplication.class,
                    "status",
                    "--es.server.brand=websitepanel",
                    "--es.server.url=",
                    "--es.sandbox.enabled=true",
                    "--es.sandbox.brand=solidcp",
                    "--es.sandbox.datasource-url=jdbc:h2:mem:brand-contradicted-sandbox;DB_CLOSE_DELAY=-1",
                    "--spring.datasource.url=jdbc:h2:mem:brand-contradicted-state;DB_CLOSE_DELAY=-1",
                    "--es.state.secret-key-file=target/test-secret.key",
                    "--es.console.password-file=" + folder.resolve("console-password"),
                    "--logging.file.name=" + folder.resolve("es-bridge.log"));
        } finally {
            System.setErr(err);
        }

        assertThat(exit).isEqualTo(ExitCodes.COULD_NOT_RUN);
        assertThat(stderr.toString(StandardCharsets.UTF_8))
                .containsPattern("es-bridge could not run: es.server.brand=websitepanel contradicts the Enterprise "
                        + "Server at http://localhost:\\d+/: its WSDL's namespace is "
                        + "http://smbsaas/solidcp/enterpriseserver, websitepanel's is "
                        + "http://smbsaas/websitepanel/enterpriseserver");
    }

    /** The contract's esUsers WSDL (SolidCP's namespace and members) with its schema inlined, as ASMX serves it. */
    private static String contractWsdl() {
        String schema = resource("wsdl/EnterpriseServer.xsd").replaceFirst("<\\?xml[^>]*\\?>", "");
        return resource("wsdl/esUsers.wsdl")
                .replaceFirst(
                        "<s:schema elementFormDefault=\"qualified\">\\s*<s:import [^>]*/>\\s*</s:schema>",
                        java.util.regex.Matcher.quoteReplacement(schema));
    }

    private static String resource(String name) {
        try (InputStream in = BrandDetectionTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
