package io.esbridge.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.esbridge.client.WireCapture.Answer;

/**
 * Each way a call can fail, produced for real over HTTP, lands in exactly one typed error: later stages retry
 * transient errors only, stop on authentication and configuration errors, and dead-letter business answers and faults.
 */
class ErrorClassificationTest {

    private static final String NS = Brand.SOLIDCP.namespace();
    /** Only a bound for a broken client: no test here waits for time to pass, only for what it waits on. */
    private static final Duration SAFETY_NET = Duration.ofSeconds(30);

    private WireCapture wire;
    private EnterpriseServerClient client;

    @BeforeEach
    void start() throws Exception {
        wire = new WireCapture(request -> Answer.soap(OperationAnswers.forRequest(request)));
        client = EnterpriseServerClient.create(ContractFixtures.properties(wire.url(), Brand.SOLIDCP));
    }

    @AfterEach
    void stop() {
        wire.close();
    }

    @Test
    void negativeResultIsABusinessErrorWithItsConstantName() {
        answer(Answer.soap(WireCapture.envelope(OperationAnswers.response("AddUser", NS, "-100"))));

        assertThatThrownBy(() -> client.addUser(ContractFixtures.user("jdoe"), "pw", false, List.of()))
                .isInstanceOfSatisfying(EsBusinessException.class, e -> {
                    assertThat(e.code()).isEqualTo(-100);
                    assertThat(e.constantName()).isEqualTo("ERROR_USER_ALREADY_EXISTS");
                    assertThat(e.kind()).isEqualTo(ErrorKind.BUSINESS);
                    assertThat(e.getMessage()).contains("AddUser", "already exists");
                });
    }

    @Test
    void quotaExcessDecodesExceedingQuotas() {
        answer(Answer.soap(WireCapture.envelope(OperationAnswers.response(
                "AddPackage",
                NS,
                "<Result>-305</Result><ExceedingQuotas>" + DataSetSamples.exceedingQuotas(true)
                        + "</ExceedingQuotas>"))));

        assertThatThrownBy(() -> client.addPackage(
                        42,
                        2,
                        "n",
                        "c",
                        io.esbridge.contract.PackageStatus.ACTIVE,
                        ContractFixtures.dateTime("2025-01-02T00:00:00")))
                .isInstanceOfSatisfying(EsBusinessException.class, e -> {
                    assertThat(e.constantName()).isEqualTo("ERROR_PACKAGE_QUOTA_EXCEED");
                    assertThat(e.exceedingQuotas()).containsExactly(new ExceedingQuota(52, "OS.Diskspace", 20000));
                    assertThat(e.getMessage())
                            .contains("OS / Disk space, MB (OS.Diskspace, quota 52) over the parent space's limit by"
                                    + " 20000");
                });
    }

    @Test
    void quotaExcessWithoutQuotaNamesIsNamedFromTheCatalogue() {
        // A row with only the id (a server or proxy that drops the name column): the panel's own description of quota
        // 53 still says which quota, instead of a bare number.
        String onlyIds = DataSetSamples.exceedingQuotas(true)
                .replace("<QuotaName>OS.Diskspace</QuotaName>", "")
                .replace("<QuotaID>52</QuotaID>", "<QuotaID>53</QuotaID>")
                .replace("<QuotaValue>20000</QuotaValue>", "<QuotaValue>3</QuotaValue>");
        answer(Answer.soap(WireCapture.envelope(OperationAnswers.response(
                "AddPackage", NS, "<Result>-305</Result><ExceedingQuotas>" + onlyIds + "</ExceedingQuotas>"))));

        assertThatThrownBy(() -> client.addPackage(
                        42,
                        2,
                        "n",
                        "c",
                        io.esbridge.contract.PackageStatus.ACTIVE,
                        ContractFixtures.dateTime("2025-01-02T00:00:00")))
                .isInstanceOfSatisfying(EsBusinessException.class, e -> {
                    assertThat(e.exceedingQuotas()).containsExactly(new ExceedingQuota(53, null, 3));
                    assertThat(e.getMessage())
                            .contains(
                                    "ERROR_PACKAGE_QUOTA_EXCEED",
                                    "OS / Domains (quota 53) over the parent space's" + " limit by 3");
                });
    }

    @Test
    void addUsersUnnamedMinus2IsNamedAsAnOwnerTheCallerMayNotCreateUnder() {
        answer(Answer.soap(WireCapture.envelope(OperationAnswers.response("AddUser", NS, "-2"))));

        assertThatThrownBy(() -> client.addUser(ContractFixtures.user("jdoe"), "pw", false, List.of()))
                .isInstanceOfSatisfying(EsBusinessException.class, e -> {
                    assertThat(e.code()).isEqualTo(-2);
                    assertThat(e.constantName()).isEqualTo("ADD_USER_OWNER_NOT_ALLOWED");
                    assertThat(e.kind()).isEqualTo(ErrorKind.BUSINESS);
                    assertThat(e.getMessage()).contains("AddUser", "OwnerId");
                });
    }

    @Test
    void minus2OfAnotherOperationStaysUnnamed() {
        // -2 is AddUser's own stored-procedure answer, not a BusinessErrorCodes value: elsewhere it means nothing known
        answer(Answer.soap(WireCapture.envelope(OperationAnswers.response("UpdateUser", NS, "-2"))));

        assertThatThrownBy(() -> client.updateUser(ContractFixtures.user("jdoe")))
                .isInstanceOfSatisfying(EsBusinessException.class, e -> assertThat(e.constantName())
                        .isEqualTo("UNKNOWN_ERROR_CODE"));
    }

    @Test
    void packageRightsFaultIsAnAccessDeniedErrorThatIsNotRetried() {
        answer(WireCapture.fault(
                "Server",
                "Server was unable to process request. ---> System.Data.SqlClient.SqlException: You are not allowed to"
                        + " access this package"));

        assertThatThrownBy(() -> client.addPackage(
                        42,
                        2,
                        "n",
                        "c",
                        io.esbridge.contract.PackageStatus.ACTIVE,
                        ContractFixtures.dateTime("2025-01-02T00:00:00")))
                .isInstanceOfSatisfying(EsAccessDeniedException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.ACCESS_DENIED);
                    assertThat(e.faultString()).contains("You are not allowed to access this package");
                    assertThat(e.getMessage()).contains("AddPackage", "no rights on that space");
                })
                // the error channel redelivers exactly these (ErrorChannelRoutes): a rights fault must not be one
                .isNotInstanceOfAny(
                        EsTransientException.class, EsAuthenticationException.class, EsConfigurationException.class);
    }

    @Test
    void packageResultWithWsAddressingHeadersIsRead() {
        // As a real WebsitePanel answers through WSE 3.0 when asked with WS-Addressing (contract section 1.3).
        answer(Answer.soap("<?xml version=\"1.0\" encoding=\"utf-8\"?><soap:Envelope"
                + " xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\""
                + " xmlns:wsa=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\"><soap:Header>"
                + "<wsa:Action>" + NS + "/AddPackageResponse</wsa:Action>"
                + "<wsa:MessageID>urn:uuid:8e2c1c52-0f0f-4d4f-a0a5-5d0e7e1a1a1a</wsa:MessageID>"
                + "<wsa:RelatesTo>urn:uuid:0b0c</wsa:RelatesTo>"
                + "<wsa:To>http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</wsa:To>"
                + "</soap:Header><soap:Body>"
                + OperationAnswers.response(
                        "AddPackage",
                        NS,
                        "<Result>798</Result><ExceedingQuotas>" + DataSetSamples.exceedingQuotas(false)
                                + "</ExceedingQuotas>")
                + "</soap:Body></soap:Envelope>"));

        assertThat(client.addPackage(
                        42,
                        2,
                        "n",
                        "c",
                        io.esbridge.contract.PackageStatus.ACTIVE,
                        ContractFixtures.dateTime("2025-01-02T00:00:00")))
                .isEqualTo(798);
    }

    @Test
    void http401IsAnAuthenticationError() {
        answer(Answer.status(401, "text/plain", "401 Access Denied"));

        assertThatThrownBy(() -> client.userExists("jdoe"))
                .isInstanceOfSatisfying(EsAuthenticationException.class, e -> assertThat(e.getMessage())
                        .contains("401", "es.server.password")
                        .doesNotContain("secret"));
    }

    @Test
    void soapServerFaultIsAFault() {
        answer(WireCapture.fault(
                "Server",
                "Server was unable to process request. ---> " + "You are not allowed to access this account"));

        assertThatThrownBy(() -> client.getUserById(42)).isInstanceOfSatisfying(EsFaultException.class, e -> {
            assertThat(e.faultCode()).isEqualTo("Server");
            assertThat(e.faultString()).contains("You are not allowed to access this account");
            assertThat(e.kind()).isEqualTo(ErrorKind.FAULT);
        });
    }

    @Test
    void soapClientFaultIsAFault() {
        answer(WireCapture.fault("Client", "Server did not recognize the value of HTTP Header SOAPAction: x."));

        assertThatThrownBy(() -> client.userExists("jdoe"))
                .isInstanceOfSatisfying(
                        EsFaultException.class, e -> assertThat(e.faultCode()).isEqualTo("Client"));
    }

    @Test
    void deadlockVictimFaultIsTransient() {
        answer(WireCapture.fault(
                "Server",
                "Server was unable to process request. ---> Transaction (Process ID 57)"
                        + " was deadlocked on lock resources with another process and has been chosen as the deadlock"
                        + " victim. Rerun the transaction."));

        assertThatThrownBy(() -> client.userExists("jdoe")).isInstanceOf(EsTransientException.class);
    }

    @Test
    void http5xxWithoutSoapAnswerIsTransient() {
        answer(Answer.status(500, "text/html", "<html><body>Internal Server Error</body></html>"));
        assertThatThrownBy(() -> client.userExists("jdoe"))
                .isInstanceOf(EsTransientException.class)
                .hasMessageContaining("HTTP 500");

        answer(Answer.status(503, "text/html", "<html><body>Service Unavailable</body></html>"));
        assertThatThrownBy(() -> client.userExists("jdoe"))
                .isInstanceOf(EsTransientException.class)
                .hasMessageContaining("HTTP 503 Service Unavailable");
    }

    @Test
    void http400IsAFaultOfThatRequestAlone() {
        answer(Answer.status(400, "text/html", ""));
        assertThatThrownBy(() -> client.userExists("jdoe"))
                .isInstanceOf(EsFaultException.class)
                .hasMessageContaining("HTTP 400")
                .hasMessageContaining("could not read this request");
    }

    @Test
    void wrongUrlIsAConfigurationError() {
        answer(Answer.status(404, "text/html", "<html><body>Not Found</body></html>"));
        assertThatThrownBy(() -> client.userExists("jdoe"))
                .isInstanceOf(EsConfigurationException.class)
                .hasMessageContaining("es.server.url");

        answer(Answer.status(200, "text/html", "<html><body>Welcome to IIS</body></html>"));
        assertThatThrownBy(() -> client.userExists("jdoe")).isInstanceOf(EsConfigurationException.class);
    }

    @Test
    void refusedConnectionIsTransient() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        EnterpriseServerClient nowhere = EnterpriseServerClient.create(
                ContractFixtures.properties("http://127.0.0.1:" + closedPort + "/", Brand.SOLIDCP));

        assertThatThrownBy(() -> nowhere.userExists("jdoe"))
                .isInstanceOf(EsTransientException.class)
                .hasMessageContaining("cannot connect");
    }

    @Test
    void noAnswerWithinTheReceiveTimeoutIsTransient() throws Exception {
        EnterpriseServerClient impatient = EnterpriseServerClient.create(new EsServerProperties(
                wire.url(),
                "serveradmin",
                "secret",
                Brand.SOLIDCP,
                null,
                null,
                Duration.ofSeconds(2),
                Duration.ofMillis(500),
                8,
                null,
                null,
                "PKCS12"));
        // the server answers only once the test is over: only the receive timeout can end the call
        CountDownLatch testOver = new CountDownLatch(1);
        Answer late = Answer.soap(WireCapture.envelope(OperationAnswers.response("UserExists", NS, "true")));
        wire.answerWith(request -> {
            awaitQuietly(testOver);
            return late;
        });
        try {
            // a safety net only: a client without the timeout would wait for ever
            assertTimeoutPreemptively(SAFETY_NET, () -> assertThatThrownBy(() -> impatient.userExists("jdoe"))
                    .isInstanceOf(EsTransientException.class)
                    .hasMessageContaining("no answer in time"));
        } finally {
            testOver.countDown();
        }
    }

    @Test
    void neverMoreCallsInFlightThanConfigured() throws Exception {
        EnterpriseServerClient bounded = EnterpriseServerClient.create(new EsServerProperties(
                        wire.url(),
                        "serveradmin",
                        "secret",
                        Brand.SOLIDCP,
                        null,
                        null,
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(30),
                        3,
                        null,
                        null,
                        "PKCS12")
                // fixed, so that the bound is 3 from the first call on (the adaptive limit starts at 1 and stays
                // under 3 as its ceiling: CallSlotsTest)
                .withInFlight(3, new EsServerProperties.InFlight(false, 1)));
        // every answer is held until the test lets them go, so the calls the client lets through pile up
        CountDownLatch letGo = new CountDownLatch(1);
        Answer answer = Answer.soap(WireCapture.envelope(OperationAnswers.response("UserExists", NS, "false")));
        wire.answerWith(request -> {
            awaitQuietly(letGo);
            return answer;
        });

        var pool = Executors.newFixedThreadPool(12);
        List<Future<Boolean>> calls = new ArrayList<>();
        try {
            for (int i = 0; i < 12; i++) {
                Callable<Boolean> call = () -> bounded.userExists("jdoe");
                calls.add(pool.submit(call));
            }
            await().atMost(SAFETY_NET).until(() -> wire.inFlight() >= 3);
            // A grace for a client without the bound to show a fourth call; a bounded one passes however long
            // this takes, since no answer comes before letGo.
            Thread.sleep(300);
            assertThat(wire.inFlight()).as("three at once, never more").isEqualTo(3);
        } finally {
            letGo.countDown();
        }
        for (Future<Boolean> call : calls) {
            assertThat(call.get(SAFETY_NET.toSeconds(), TimeUnit.SECONDS)).isFalse();
        }
        pool.shutdown();
        assertThat(wire.requests()).hasSize(12);
        assertThat(wire.maxInFlight()).as("three at once, never more").isEqualTo(3);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(SAFETY_NET.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void answer(Answer answer) {
        wire.answerWith(request -> answer);
    }
}
