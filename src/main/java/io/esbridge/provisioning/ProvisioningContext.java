package io.esbridge.provisioning;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.IntSupplier;

import io.esbridge.client.ErrorKind;
import io.esbridge.client.EsBusinessException;
import io.esbridge.client.EsException;
import io.esbridge.record.RecordType;
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
     * A create call answering an id (AddUser, AddPackage…), announced by an intent on {@code type}/{@code billingKey}.
     * A definite refusal (business code, fault) means nothing was created, so the intent is dropped: left behind, a
     * later reconciliation could link the record to an object someone else created under the same name. A transient
     * failure leaves the intent, since the call may have been applied.
     */
    int create(String operation, RecordType type, String billingKey, IntSupplier call) {
        operations.add(operation);
        if (dryRun) {
            return DRY_RUN_ID;
        }
        try {
            return call.getAsInt();
        } catch (EsException e) {
            if (e.kind() != ErrorKind.TRANSIENT) {
                links.forgetIntent(type, billingKey);
            }
            throw e;
        }
    }

    /**
     * {@link #create} for a call the server refuses with {@code takenCode} when the object exists already, changing
     * nothing: then empty, and the call is not among the record's operations.
     */
    OptionalInt createUnlessTaken(String operation, RecordType type, String billingKey, int takenCode,
            IntSupplier call) {
        try {
            return OptionalInt.of(create(operation, type, billingKey, call));
        } catch (EsBusinessException e) {
            if (e.code() != takenCode) {
                throw e;
            }
            operations.remove(operations.size() - 1);
            return OptionalInt.empty();
        }
    }

    /** A write call answering nothing but success. */
    void write(String operation, Runnable call) {
        operations.add(operation);
        if (!dryRun) {
            call.run();
        }
    }
}
