package io.esbridge.sandbox;

import org.springframework.boot.test.context.SpringBootTest;

import io.esbridge.client.Brand;

@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "es.server.brand=websitepanel",
            "es.sandbox.brand=websitepanel",
            "es.sandbox.enabled=true",
            "es.server.url=",
            "es.sandbox.datasource-url=jdbc:h2:mem:sandbox-roundtrip-websitepanel;DB_CLOSE_DELAY=-1",
            "spring.datasource.url=jdbc:h2:mem:state-roundtrip-websitepanel;DB_CLOSE_DELAY=-1",
            "es.state.secret-key-file=target/sandbox-test/secret.key"
        })
class WebsitePanelSandboxRoundTripTest extends AbstractSandboxRoundTripTest {

    @Override
    Brand brand() {
        return Brand.WEBSITEPANEL;
    }
}
