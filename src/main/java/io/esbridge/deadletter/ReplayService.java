package io.esbridge.deadletter;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.springframework.stereotype.Service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.esbridge.record.AddonRecord;
import io.esbridge.record.CustomerRecord;
import io.esbridge.record.PlanRecord;
import io.esbridge.record.ProvisioningRecord;
import io.esbridge.record.RecordEnvelope;
import io.esbridge.record.RecordType;
import io.esbridge.record.SourceRef;
import io.esbridge.record.StatusChangeRecord;
import io.esbridge.record.SubscriptionRecord;
import io.esbridge.run.RunReport;
import io.esbridge.run.RunSession;
import io.esbridge.run.RunSessions;
import io.esbridge.state.SecretKeeper;

/**
 * Re-runs failed records (all, one run's, or one error code's) through provisioning as a new run. A record that now
 * succeeds leaves the failed set; one that fails again stays, with one more attempt. Records refused before mapping
 * have no envelope to replay: they are fixed in the rejects file and dropped into the inbox again.
 */
@Service
public class ReplayService {

    /** What a replay did: its run's report, and the dead letters it could not replay, each with why. */
    public record ReplayResult(RunReport report, List<String> notReplayed) {}

    /** Which open dead letters to replay. */
    public record Selection(String runId, Integer errorCode, String errorName) {

        public static Selection all() {
            return new Selection(null, null, null);
        }

        /**
         * A replay request (a console button, the API, the command line) as a selection; {@code code} is an error
         * code (number) or a constant name. Replaying everything must be asked for ({@code all}): a request that
         * names nothing is refused rather than taken to mean "all", so that a form posted empty replays nothing.
         *
         * @throws IllegalArgumentException unless exactly one of run, code or all is named
         */
        public static Selection of(String runId, String code, boolean all) {
            boolean hasRun = runId != null && !runId.isBlank();
            boolean hasCode = code != null && !code.isBlank();
            if (all && !hasRun && !hasCode) {
                return all();
            }
            if (all || hasRun == hasCode) {
                throw new IllegalArgumentException(
                        "name exactly one of: a run (runId), an error code or name (code), or all");
            }
            if (hasRun) {
                return new Selection(runId.strip(), null, null);
            }
            String c = code.strip();
            return c.matches("-?\\d+") ? new Selection(null, Integer.valueOf(c), null) : new Selection(null, null, c);
        }

        Predicate<DeadLetter> predicate() {
            return d -> (runId == null || runId.equals(d.runId()))
                    && (errorCode == null || errorCode.equals(d.errorCode()))
                    && (errorName == null || errorName.equalsIgnoreCase(d.errorName()));
        }

        String describe() {
            return runId != null
                    ? "run " + runId
                    : errorCode != null ? "code " + errorCode : errorName != null ? "error " + errorName : "all";
        }
    }

    private final DeadLetterStore deadLetters;
    private final SecretKeeper secrets;
    private final ObjectMapper mapper;
    private final ReplayIntake intake;
    private final RunSessions sessions;

    public ReplayService(
            DeadLetterStore deadLetters,
            SecretKeeper secrets,
            ObjectMapper mapper,
            ReplayIntake intake,
            RunSessions sessions) {
        this.deadLetters = deadLetters;
        this.secrets = secrets;
        this.mapper = mapper;
        this.intake = intake;
        this.sessions = sessions;
    }

    public ReplayResult replay(Selection selection) {
        return replay(selection.predicate(), selection.describe());
    }

    /**
     * The failures that depend on another record: a customer whose owner, a subscription whose customer, an add-on
     * whose subscription, a reseller plan whose space was not provisioned yet. Replayed once the input that could
     * provide them is all in, they succeed when it did.
     */
    public static final Set<String> DEPENDENCY_REASONS = Set.of(
            "OWNER_NOT_PROVISIONED",
            "CUSTOMER_NOT_PROVISIONED",
            "SUBSCRIPTION_NOT_PROVISIONED",
            "SPACE_NOT_PROVISIONED",
            // a reseller's plan is placed in the reseller's space, so it lands after the services file that holds
            // both that space and the reseller's customers' spaces on the plan: those were refused for a plan the
            // owner did not have yet. Both are refused before any write, so a replay that fails again costs reads
            "UNKNOWN_PLAN",
            "PLAN_NOT_OWNERS");

    /**
     * After the runs of one command (an import's files, a sync's phases): replays their open dead letters with a
     * {@link #DEPENDENCY_REASONS dependency reason}, again while a pass provisions something (a reseller replayed in
     * one pass lets its customers through in the next). Each pass is a replay run like {@code es-bridge replay}'s; a
     * record failing again stays a dead letter under that pass's run, which the next pass selects too. Ends: every
     * pass that goes on resolves at least one dead letter. Answers the passes made, in order (none when nothing
     * waited).
     */
    public List<ReplayResult> replayDependencies(Collection<String> runIds) {
        Set<String> runs = new HashSet<>(runIds);
        List<ReplayResult> passes = new ArrayList<>();
        while (true) {
            Predicate<DeadLetter> waiting = d -> runs.contains(d.runId()) && DEPENDENCY_REASONS.contains(d.errorName());
            if (deadLetters.open().stream().noneMatch(waiting)) {
                return passes;
            }
            ReplayResult pass =
                    replay(waiting, "dependencies of " + runIds.size() + " run(s), pass " + (passes.size() + 1));
            passes.add(pass);
            runs.add(pass.report().runId());
            if (pass.report().created()
                            + pass.report().updated()
                            + pass.report().unchanged()
                    == 0) {
                return passes;
            }
        }
    }

    /** The open dead letters of this command's runs (and its replay passes), after them: what still failed. */
    public long openOf(Collection<String> runIds) {
        Set<String> runs = new HashSet<>(runIds);
        return deadLetters.open().stream().filter(d -> runs.contains(d.runId())).count();
    }

    private ReplayResult replay(Predicate<DeadLetter> which, String description) {
        List<DeadLetter> chosen = deadLetters.open().stream().filter(which).toList();
        RunSession run = sessions.open(SourceRef.Kind.REPLAY, description);
        List<String> notReplayed = new ArrayList<>();
        long sent = 0;
        for (DeadLetter letter : chosen) {
            if (letter.envelopeJson() == null) {
                notReplayed.add(letter.source() + ": refused before provisioning (" + letter.message()
                        + "); fix it in the rejects file and drop that into the inbox again");
                continue;
            }
            RecordEnvelope envelope = restore(letter, run.runId());
            if (envelope.payload() instanceof CustomerRecord c && c.password() == null && !letter.hasSecret()) {
                notReplayed.add(letter.source() + " (customer " + letter.billingKey() + "): replayed without a"
                        + " password: none was kept for it, so a user that does not exist yet cannot be created");
            }
            intake.submit(envelope);
            sent++;
        }
        return new ReplayResult(run.close(sent), notReplayed);
    }

    /** The dead letter's envelope, in the new run, with its sealed password restored (or none). */
    private RecordEnvelope restore(DeadLetter letter, String runId) {
        try {
            JsonNode node = mapper.readTree(letter.envelopeJson());
            RecordType type = RecordType.valueOf(node.path("type").asText());
            JsonNode payloadJson = node.path("payload");
            ProvisioningRecord payload = mapper.treeToValue(payloadJson, payloadClass(type, payloadJson));
            if (payload instanceof CustomerRecord c) {
                payload = c.withPassword(
                        letter.hasSecret()
                                ? secrets.decrypt(
                                        deadLetters.encryptedSecret(letter.id()).orElseThrow())
                                : null);
            }
            SourceRef source = mapper.treeToValue(node.path("source"), SourceRef.class);
            return new RecordEnvelope(
                    runId,
                    source,
                    type,
                    letter.billingKey(),
                    payload,
                    mapper.convertValue(
                            node.path("raw"),
                            mapper.getTypeFactory()
                                    .constructMapType(java.util.LinkedHashMap.class, String.class, String.class)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("dead letter " + letter.id() + " holds an unreadable envelope", e);
        }
    }

    /** A status change is keyed like its customer or subscription; only it names a {@code target}. */
    private static Class<? extends ProvisioningRecord> payloadClass(RecordType type, JsonNode payload) {
        if (payload.has("target")) {
            return StatusChangeRecord.class;
        }
        return switch (type) {
            case CUSTOMER -> CustomerRecord.class;
            case SUBSCRIPTION -> SubscriptionRecord.class;
            case ADDON -> AddonRecord.class;
            case PLAN -> PlanRecord.class;
        };
    }
}
