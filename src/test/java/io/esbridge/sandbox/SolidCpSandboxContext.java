package io.esbridge.sandbox;

import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.esbridge.client.EnterpriseServerClient;

/**
 * The one application context (SolidCP brand) the rule, wire, fault and interop tests share: the sandbox in this
 * process, its own in-memory database, a client timeout short enough for the slow-answer test.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "es.server.brand=solidcp",
            "es.sandbox.brand=solidcp",
            "es.sandbox.enabled=true",
            "es.server.url=",
            "es.server.receive-timeout=2s",
            "es.sandbox.datasource-url=jdbc:h2:mem:sandbox-shared-solidcp;DB_CLOSE_DELAY=-1",
            "spring.datasource.url=jdbc:h2:mem:state-shared-solidcp;DB_CLOSE_DELAY=-1",
            "es.state.secret-key-file=target/sandbox-test/secret.key"
        })
abstract class SolidCpSandboxContext {

    @Autowired
    EnterpriseServerClient client;

    @Autowired
    SandboxFaults faults;

    @Autowired
    SandboxStats stats;

    @LocalServerPort
    int port;

    @AfterEach
    void noFaultsForTheNextTest() {
        faults.clear();
    }

    String baseUrl() {
        return "http://localhost:" + port + "/";
    }
}
