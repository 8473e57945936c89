package io.esbridge.run;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How instances tell each other they are alive ({@code es.runs.*}).
 *
 * @param heartbeat      how often an instance beats (and closes the runs of instances that are gone)
 * @param ownerGoneAfter how long an instance may go without a beat before its open runs are closed as interrupted
 */
@ConfigurationProperties("es.runs")
public record RunProperties(@DefaultValue("10s") Duration heartbeat, @DefaultValue("60s") Duration ownerGoneAfter) {

    public RunProperties {
        // a shorter wait would close the runs of a live instance between two of its beats
        if (ownerGoneAfter.compareTo(heartbeat.multipliedBy(3)) < 0) {
            throw new IllegalArgumentException("es.runs.owner-gone-after must be at least three times"
                    + " es.runs.heartbeat (" + heartbeat + "), was " + ownerGoneAfter);
        }
    }
}
