package io.esbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import io.esbridge.client.Brand;
import io.esbridge.client.BrandDetection;
import io.esbridge.client.BrandDetectionException;

@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            // the client finds the brand itself: the whole round trip runs on the profile detection picked
            "es.server.brand=auto",
            "es.sandbox.brand=websitepanel-1",
            "es.sandbox.enabled=true",
            "es.server.url=",
            "es.sandbox.datasource-url=jdbc:h2:mem:sandbox-roundtrip-websitepanel-1;DB_CLOSE_DELAY=-1",
            "spring.datasource.url=jdbc:h2:mem:state-roundtrip-websitepanel-1;DB_CLOSE_DELAY=-1",
            "es.state.secret-key-file=target/sandbox-test/secret.key"
        })
class WebsitePanel1SandboxRoundTripTest extends AbstractSandboxRoundTripTest {

    @Override
    Brand brand() {
        return Brand.WEBSITEPANEL_1;
    }

    /** Same namespace, newer versions: they would send the login-status members 1.x does not declare. */
    @Test
    void aNewerWebsitePanelGivenByHandIsRefusedForTheMembersThisVersionLacks() {
        String url = "http://localhost:" + port + "/";
        assertThatThrownBy(() -> BrandDetection.resolve(byHand(url, Brand.WEBSITEPANEL), "es.server.brand"))
                .isInstanceOf(BrandDetectionException.class)
                .hasMessage("es.server.brand=websitepanel contradicts the Enterprise Server at " + url
                        + ": websitepanel sends UserInfo members its WSDL lacks (LoginStatusId, LoginStatus, "
                        + "FailedLogins, SubscriberNumber); the WSDL looks like websitepanel-1, or use auto");
    }
}
