package io.esbridge.health;

import java.time.Duration;
import java.time.Instant;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import io.esbridge.client.EnterpriseServerClient;
import io.esbridge.client.EsException;
import io.esbridge.client.EsServerProperties;
import io.esbridge.errors.ProvisioningPause;
import io.esbridge.mapping.Secrets;

/**
 * Health component {@code enterpriseServer}: can es-bridge reach the Enterprise Server and sign in? It asks whether
 * its own account exists ({@code UserExists}, a read that needs a valid login). The answer is kept for a while so that
 * frequent health probes do not turn into a stream of calls to the panel. While provisioning is paused (credentials
 * refused, wrong URL) it is DOWN with the pause's reason, without calling.
 */
@Component
public class EnterpriseServerHealthIndicator implements HealthIndicator {

    static final Duration KEPT_FOR = Duration.ofSeconds(30);

    private final EnterpriseServerClient client;
    private final EsServerProperties server;
    private final ProvisioningPause pause;

    private Health lastHealth;
    private Instant lastCheckedAt = Instant.MIN;

    public EnterpriseServerHealthIndicator(
            EnterpriseServerClient client, EsServerProperties server, ProvisioningPause pause) {
        this.client = client;
        this.server = server;
        this.pause = pause;
    }

    @Override
    public Health health() {
        String pauseReason = pause.reason();
        if (pauseReason != null) {
            return base(Health.down()).withDetail("paused", pauseReason).build();
        }
        return cachedCheck();
    }

    private synchronized Health cachedCheck() {
        Instant now = Instant.now();
        if (lastHealth == null || now.isAfter(lastCheckedAt.plus(KEPT_FOR))) {
            lastHealth = check(now);
            lastCheckedAt = now;
        }
        return lastHealth;
    }

    private Health check(Instant now) {
        long started = System.nanoTime();
        try {
            boolean accountExists = client.userExists(server.username());
            Health.Builder up = base(Health.up());
            if (server.brand().auto()) {
                // the call above built the client, so the brand its WSDL showed is known without another request
                up.withDetail("brand", client.server().brand().id() + " (auto)");
            }
            return up.withDetail("accountExists", accountExists)
                    .withDetail("latencyMs", (System.nanoTime() - started) / 1_000_000)
                    .withDetail("checkedAt", now.toString())
                    .build();
        } catch (EsException e) {
            return base(Health.down())
                    .withDetail("errorKind", e.kind().name())
                    .withDetail("error", e.getMessage())
                    .withDetail("checkedAt", now.toString())
                    .build();
        } catch (RuntimeException e) {
            // Not a classified call failure: the client could not even be set up (e.g. no server URL configured).
            return base(Health.down())
                    .withDetail("errorKind", "CONFIGURATION")
                    .withDetail("error", e.getMessage())
                    .withDetail("checkedAt", now.toString())
                    .build();
        }
    }

    private Health.Builder base(Health.Builder builder) {
        return builder.withDetail("brand", server.brand().id())
                .withDetail(
                        "url",
                        server.url() == null || server.url().isBlank()
                                ? "(built-in sandbox)"
                                : Secrets.maskUserInfo(server.url()));
    }
}
