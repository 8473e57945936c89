package io.esbridge.errors;

import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.esbridge.deadletter.DeadLetterStore;
import io.esbridge.mapping.Secrets;
import io.esbridge.record.CustomerRecord;
import io.esbridge.record.RecordEnvelope;
import io.esbridge.record.RejectedRecord;
import io.esbridge.run.Outcome;
import io.esbridge.run.RecordOutcome;
import io.esbridge.run.RunSessions;
import io.esbridge.run.RunStore;
import io.esbridge.state.SecretKeeper;

/**
 * Where every record's outcome is recorded, whatever its source: a success (its outcome, and its open dead letter
 * resolved), a failure at the end of the error channel, a record refused before provisioning. One home, so that the
 * next source gets the same bookkeeping without copying it.
 * <p>
 * A record that finally failed gets its FAILED outcome in the run and a row in the
 * dead-letter store, with its envelope (password masked) and, for a customer, its password sealed so that a replay
 * can still create the user. A dry run changes no state: its failures are in its run's report alone, and the
 * dead-letter store keeps what real runs left in it.
 */
@Component
public class OutcomeRecorder {

    /** Exchange property: how many times a record's provisioning was attempted (transient failures). */
    static final String ATTEMPTS = "EsAttempts";

    private static final Logger LOG = LoggerFactory.getLogger(OutcomeRecorder.class);

    private final RunStore runs;
    private final DeadLetterStore deadLetters;
    private final SecretKeeper secrets;
    private final ObjectMapper mapper;
    private final boolean dryRun;

    public OutcomeRecorder(
            RunStore runs,
            DeadLetterStore deadLetters,
            SecretKeeper secrets,
            ObjectMapper mapper,
            RunSessions sessions) {
        this.runs = runs;
        this.deadLetters = deadLetters;
        this.secrets = secrets;
        this.mapper = mapper;
        this.dryRun = sessions.dryRun();
    }

    /**
     * A record provisioned: its outcome, and its open dead letter resolved; unless this is a dry run, which only
     * listed the calls: the failed record is still not on the server, and a real replay must still find it.
     */
    public void succeeded(RecordEnvelope envelope, RecordOutcome outcome) {
        runs.record(outcome);
        if (!dryRun) {
            deadLetters.resolve(envelope.type().name(), envelope.billingKey());
        }
    }

    /** A record whose provisioning failed; the exchange carries the envelope and the caught exception. */
    public void provisioningFailed(Exchange exchange) {
        RecordEnvelope envelope = exchange.getIn().getBody(RecordEnvelope.class);
        Throwable error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        Failure failure = Failure.of(error);
        Integer attempts = exchange.getProperty(ATTEMPTS, Integer.class);
        if (attempts != null && attempts > 1) {
            failure = new Failure(
                    failure.kind(),
                    failure.code(),
                    failure.name(),
                    failure.message() + " (gave up after " + attempts + " attempts)");
        }
        String password = envelope.payload() instanceof CustomerRecord c ? c.password() : null;
        runs.record(new RecordOutcome(
                envelope.runId(),
                envelope.source().toString(),
                envelope.type(),
                envelope.billingKey(),
                Outcome.FAILED,
                List.of(),
                failure.kind(),
                failure.code(),
                failure.name(),
                failure.message()));
        keep(new DeadLetterStore.Failure(
                envelope.runId(),
                envelope.source().toString(),
                envelope.type().name(),
                envelope.billingKey(),
                failure.kind(),
                failure.code(),
                failure.name(),
                null,
                failure.message(),
                json(envelope.raw()),
                maskedJson(envelope),
                password == null || password.isEmpty() ? null : secrets.encrypt(password)));
        LOG.warn("{} ({} {}) failed: {}", envelope.source(), envelope.type(), envelope.billingKey(), failure.message());
    }

    /**
     * Hook of the transient-failure clause, as each attempt fails: counts the attempts, and says once per record that
     * it will be retried (the later attempts are logged at DEBUG by Camel).
     */
    static void attempted(Exchange exchange) {
        Integer attempts = exchange.getProperty(ATTEMPTS, Integer.class);
        exchange.setProperty(ATTEMPTS, attempts == null ? 1 : attempts + 1);
        if (attempts == null && LOG.isInfoEnabled()) {
            Throwable error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
            Object record = exchange.getIn().getBody() instanceof RecordEnvelope envelope
                    ? envelope.source() + " (" + envelope.type() + " " + envelope.billingKey() + ")"
                    : "exchange " + exchange.getExchangeId();
            LOG.info("{}: {}; retrying with backoff", record, error == null ? "transient failure" : error.getMessage());
        }
    }

    /** A record refused before provisioning (unreadable, unmappable or invalid). */
    public void rejected(RejectedRecord rejected) {
        String type = rejected.type() == null ? null : rejected.type().name();
        runs.record(new RecordOutcome(
                rejected.runId(),
                rejected.source().toString(),
                rejected.type(),
                rejected.billingKey(),
                Outcome.FAILED,
                List.of(),
                "VALIDATION",
                null,
                rejected.field(),
                rejected.problem()));
        keep(new DeadLetterStore.Failure(
                rejected.runId(),
                rejected.source().toString(),
                type,
                rejected.billingKey(),
                "VALIDATION",
                null,
                rejected.field(),
                rejected.field(),
                rejected.problem(),
                json(rejected.raw()),
                null,
                null));
        LOG.warn("rejected: {}", rejected.describe());
    }

    /** Into the dead-letter store, unless this is a dry run. */
    private void keep(DeadLetterStore.Failure failure) {
        if (!dryRun) {
            deadLetters.add(failure);
        }
    }

    private String maskedJson(RecordEnvelope envelope) {
        ObjectNode node = mapper.valueToTree(envelope);
        if (node.path("payload") instanceof ObjectNode payload && payload.hasNonNull("password")) {
            payload.put("password", Secrets.MASK);
        }
        return node.toString();
    }

    private String json(Map<String, String> raw) {
        try {
            return raw == null ? null : mapper.writeValueAsString(raw);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
