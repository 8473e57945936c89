package io.esbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import io.esbridge.client.Brand;
import io.esbridge.client.BrandDetection;
import io.esbridge.client.BrandDetectionException;

@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "es.server.brand=websitepanel-2.1",
            "es.sandbox.brand=websitepanel-2.1",
            "es.sandbox.enabled=true",
            "es.server.url=",
            "es.sandbox.datasource-url=jdbc:h2:mem:sandbox-roundtrip-websitepanel-21;DB_CLOSE_DELAY=-1",
            "spring.datasource.url=jdbc:h2:mem:state-roundtrip-websitepanel-21;DB_CLOSE_DELAY=-1",
            "es.state.secret-key-file=target/sandbox-test/secret.key"
        })
class WebsitePanel21SandboxRoundTripTest extends AbstractSandboxRoundTripTest {

    @Override
    Brand brand() {
        return Brand.WEBSITEPANEL_2_1;
    }

    /** Same namespace, older version: those would put the password in UserInfo/Password, which 2.1 ignores. */
    @Test
    void anOlderWebsitePanelGivenByHandIsRefusedForThePasswordMember() {
        String url = "http://localhost:" + port + "/";
        for (Brand older : List.of(Brand.WEBSITEPANEL, Brand.WEBSITEPANEL_1)) {
            assertThatThrownBy(() -> BrandDetection.resolve(byHand(url, older), "es.server.brand"))
                    .isInstanceOf(BrandDetectionException.class)
                    .hasMessage("es.server.brand=" + older.id() + " contradicts the Enterprise Server at " + url
                            + ": " + older.id() + " sends UserInfo members its WSDL lacks (Password); the WSDL looks"
                            + " like websitepanel-2.1, or use auto");
        }
    }
}
