package io.esbridge.provisioning;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntSupplier;

import org.springframework.dao.DuplicateKeyException;

import io.esbridge.client.ErrorKind;
import io.esbridge.client.EsBusinessException;
import io.esbridge.client.EsException;
import io.esbridge.record.RecordType;
import io.esbridge.state.Link;
import io.esbridge.state.LinkData;
import io.esbridge.state.Links;

/**
 * One record's provisioning: the links it reads and writes and the write calls it makes, in order. In a dry run the
 * write calls are only listed (a created object gets a placeholder id below zero) and the links are an overlay.
 */
final class ProvisioningContext {

    private static final int DRY_RUN_ID = -1;

    private final String runId;
    private final boolean dryRun;
    private final Links links;
    private final List<String> operations = new ArrayList<>();

    ProvisioningContext(String runId, boolean dryRun, Links links) {
        this.runId = runId;
        this.dryRun = dryRun;
        this.links = links;
    }

    String runId() {
        return runId;
    }

    boolean dryRun() {
        return dryRun;
    }

    Links links() {
        return links;
    }

    List<String> operations() {
        return operations;
    }

    /**
     * The one step every create takes: the intent is recorded (durable before the call it announces), the call made,
     * the key linked to the new object with what was applied. A definite refusal (business code, fault) means nothing
     * was created, so the intent is dropped: left behind, a later reconciliation could link the record to an object
     * someone else created under the same name. A transient failure leaves the intent, since the call may have been
     * applied: the next attempt reconciles it. In a dry run the call is only listed and the object gets a placeholder
     * id below zero.
     */
    Link create(
            String operation, RecordType type, String billingKey, String intentName, LinkData data, IntSupplier call) {
        try {
            links.recordIntent(type, billingKey, intentName, data, runId);
        } catch (DuplicateKeyException e) {
            // Another instance (or another run of this one) announced the same create a moment ago and may be making it
            // now: making it too could create the object twice. Nothing was called; the record fails clearly and a
            // replay, once that create is settled, finds it linked.
            throw new ProvisioningException(
                    ProvisioningException.Reason.CREATE_IN_PROGRESS,
                    operation + " of "
                            + type + " " + billingKey + " ('" + intentName
                            + "') is being made by another es-bridge run at"
                            + " this moment: not made twice; replay this record once that run is done");
        }
        operations.add(operation);
        int id;
        if (dryRun) {
            id = DRY_RUN_ID;
        } else {
            try {
                id = call.getAsInt();
            } catch (EsException e) {
                if (e.kind() != ErrorKind.TRANSIENT) {
                    links.forgetIntent(type, billingKey);
                }
                throw e;
            }
        }
        return links.markApplied(type, billingKey, id, data, runId);
    }

    /**
     * {@link #create} for a call the server refuses with {@code takenCode} when the object exists already, changing
     * nothing: then empty (the intent dropped), and the call is not among the record's operations.
     */
    Optional<Link> createUnlessTaken(
            String operation,
            RecordType type,
            String billingKey,
            String intentName,
            LinkData data,
            int takenCode,
            IntSupplier call) {
        try {
            return Optional.of(create(operation, type, billingKey, intentName, data, call));
        } catch (EsBusinessException e) {
            if (e.code() != takenCode) {
                throw e;
            }
            operations.remove(operations.size() - 1);
            return Optional.empty();
        }
    }

    /** Links the key to an object with what was applied to it (an update, an adoption). */
    Link link(RecordType type, String billingKey, int esId, LinkData data) {
        return links.markApplied(type, billingKey, esId, data, runId);
    }

    /** A pending create found on the server after an unknown outcome: linked with what its intent recorded. */
    Link linkFound(Link pending, int esId) {
        return links.markApplied(pending.type(), pending.billingKey(), esId, pending.data(), runId);
    }

    /** A pending create known not to have made anything (found nothing, or only someone else's object). */
    void forgetIntent(Link pending) {
        links.forgetIntent(pending.type(), pending.billingKey());
    }

    void markDeleted(RecordType type, String billingKey) {
        links.markDeleted(type, billingKey, runId);
    }

    /** A write call answering nothing but success. */
    void write(String operation, Runnable call) {
        operations.add(operation);
        if (!dryRun) {
            call.run();
        }
    }
}
