package io.esbridge.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

import io.esbridge.client.Brand;
import io.esbridge.client.EnterpriseServerClient;
import io.esbridge.client.EsAuthenticationException;
import io.esbridge.client.EsServerProperties;
import io.esbridge.errors.ProvisioningPause;
import io.esbridge.health.EnterpriseServerHealthIndicator;

/** The {@code enterpriseServer} health component when the server refuses es-bridge, or provisioning is paused. */
class EnterpriseServerHealthIndicatorTest {

    private static final String PASSWORD = "srv-Pw-health";

    private final EnterpriseServerClient client = mock(EnterpriseServerClient.class);
    private final ProvisioningPause pause = mock(ProvisioningPause.class);
    private final EsServerProperties server = new EsServerProperties(
            "https://admin:" + PASSWORD + "@panel.example.com:9002/",
            "serveradmin",
            PASSWORD,
            Brand.SOLIDCP,
            null,
            null,
            Duration.ofSeconds(2),
            Duration.ofSeconds(2),
            4,
            null,
            null,
            "PKCS12");
    private final EnterpriseServerHealthIndicator indicator =
            new EnterpriseServerHealthIndicator(client, server, pause);

    @Test
    void refusedCredentialsAreDownWithTheirKind() {
        when(client.userExists(anyString()))
                .thenThrow(new EsAuthenticationException(
                        "UserExists", "HTTP 401: the server refused es-bridge's credentials", null));
        Health health = indicator.health();
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("errorKind", "AUTHENTICATION");
        assertThat(health.getDetails().toString()).doesNotContain(PASSWORD).contains("https://******@panel");
    }

    @Test
    void pausedProvisioningIsDownWithItsReasonWithoutCallingTheServer() {
        when(pause.reason()).thenReturn("UserExists: HTTP 401");
        Health health = indicator.health();
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("paused", "UserExists: HTTP 401");
        verify(client, never()).userExists(anyString());
    }
}
