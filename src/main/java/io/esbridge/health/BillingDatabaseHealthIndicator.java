package io.esbridge.health;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.jdbc.DataSourceHealthIndicator;
import org.springframework.stereotype.Component;

import io.esbridge.sync.BillingSource;

/**
 * Health component {@code billingDatabase}: the billing database the sync reads. It is opened by the first sync, not
 * at start (an installation that only imports files has none), and this component never opens it: until a sync
 * tried, it is UNKNOWN, which leaves the overall status as the other components make it. A sync that could not open
 * it makes it DOWN with the sentence naming the setting, until a later sync opens it; once open, Spring's own
 * data-source check (a validation query) answers.
 */
@Component
public class BillingDatabaseHealthIndicator implements HealthIndicator {

    private final BillingSource source;

    public BillingDatabaseHealthIndicator(BillingSource source) {
        this.source = source;
    }

    @Override
    public Health health() {
        return source.ifOpen()
                .map(open -> new DataSourceHealthIndicator(open).health())
                .orElseGet(() -> source.failure()
                        .map(failure ->
                                Health.down().withDetail("error", failure).build())
                        .orElseGet(() -> Health.unknown()
                                .withDetail("state", "not opened yet: the first sync" + " opens it")
                                .build()));
    }
}
