package io.esbridge.migrate;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a migration asks the source again when it answers transiently (HTTP 5xx, a timeout, a refused connection).
 *
 * @param attempts calls per read, the first included; a read that fails this often ends the read, and the answers
 *                 already read are kept for the next run ({@link ReadJournal})
 * @param backoff  the wait before the second attempt, doubled before each further one (with ±30 % jitter, at most
 *                 10 s): the defaults ride out a source that is down for about half a minute
 */
@ConfigurationProperties("es.migrate.read")
public record MigrationReadProperties(@DefaultValue("6") int attempts, @DefaultValue("500ms") Duration backoff) {

    public MigrationReadProperties {
        if (attempts < 1) {
            throw new IllegalArgumentException("es.migrate.read.attempts must be at least 1, was " + attempts);
        }
        if (backoff.isNegative() || backoff.isZero()) {
            throw new IllegalArgumentException("es.migrate.read.backoff must be positive, was " + backoff);
        }
    }
}
