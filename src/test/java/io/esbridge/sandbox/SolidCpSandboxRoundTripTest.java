package io.esbridge.sandbox;

import org.springframework.boot.test.context.SpringBootTest;

import io.esbridge.client.Brand;

/** Shares the application context of {@link SolidCpSandboxContext} (same properties, same order). */
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
class SolidCpSandboxRoundTripTest extends AbstractSandboxRoundTripTest {

    @Override
    Brand brand() {
        return Brand.SOLIDCP;
    }
}
