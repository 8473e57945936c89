package io.esbridge.provisioning;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How provisioning behaves ({@code es.provisioning.*}).
 *
 * @param usernameTaken    a new customer whose username already exists on the server: ADOPT links to that user when
 *                         it is safely the same person (same e-mail) and no other billing key holds it; FAIL refuses
 * @param endedSubscription a subscription that ended in billing: CANCEL its space (status Cancelled) or DELETE it
 * @param planOwnerId      the user whose hosting plans and add-on plans plan names are resolved against
 * @param workers          records provisioned at once (different customers; one customer's records run in order);
 *                         calls in flight are bounded separately by es.server.max-in-flight
 * @param queueCapacity    records handed over but not yet provisioned before a feed waits (back-pressure)
 * @param dryRun           report the write calls that would be made, in order, and make none
 * @param runTimeout       how long closing a run waits for its last records to be provisioned
 * @param missingPassword  a new customer whose record carries no password (billing exports rarely do): GENERATE a
 *                         strong random one (the user resets it, or gets it by the panel's letter with send-letter)
 *                         or FAIL the record
 * @param createdSkew      after a create whose outcome is unknown, an object found on the server counts as the one
 *                         es-bridge created only if the server dates it no earlier than the intent less this much:
 *                         the server's clock (and its time zone, for a panel whose dates carry none) may differ from
 *                         ours. Too small, our own creation is taken for a stranger's (the taken-username policy then
 *                         decides: safe, never an overwrite); too large, a same-e-mail user made just before counts
 * @param adoptSpaces      a new subscription whose user already has an unlinked space on the same plan (one another
 *                         tool made, e.g. the WHMCS module's per-service layout) is linked to that space instead of
 *                         getting a second one: the space of the same name, else the user's only such space; and a new
 *                         add-on whose space has an unlinked add-on of the same add-on plan is linked to it (the only
 *                         one, else the one of the same quantity and status). Off by default: a space or add-on made by
 *                         hand beside billing's is then never taken over silently
 */
@ConfigurationProperties("es.provisioning")
public record ProvisioningProperties(
        @DefaultValue("ADOPT") UsernameTakenPolicy usernameTaken,
        @DefaultValue("CANCEL") EndedSubscriptionPolicy endedSubscription,
        @DefaultValue("1") int planOwnerId,
        @DefaultValue("16") int workers,
        @DefaultValue("2000") int queueCapacity,
        @DefaultValue("false") boolean dryRun,
        @DefaultValue("24h") Duration runTimeout,
        @DefaultValue("GENERATE") MissingPasswordPolicy missingPassword,
        @DefaultValue("15m") Duration createdSkew,
        @DefaultValue("false") boolean adoptSpaces) {

    @ConstructorBinding
    public ProvisioningProperties {}

    /** Without space adoption (its default). */
    public ProvisioningProperties(
            UsernameTakenPolicy usernameTaken,
            EndedSubscriptionPolicy endedSubscription,
            int planOwnerId,
            int workers,
            int queueCapacity,
            boolean dryRun,
            Duration runTimeout,
            MissingPasswordPolicy missingPassword,
            Duration createdSkew) {
        this(
                usernameTaken,
                endedSubscription,
                planOwnerId,
                workers,
                queueCapacity,
                dryRun,
                runTimeout,
                missingPassword,
                createdSkew,
                false);
    }

    public enum UsernameTakenPolicy {
        ADOPT,
        FAIL
    }

    public enum EndedSubscriptionPolicy {
        CANCEL,
        DELETE
    }

    public enum MissingPasswordPolicy {
        GENERATE,
        FAIL
    }
}
