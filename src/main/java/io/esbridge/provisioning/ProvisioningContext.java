package io.esbridge.provisioning;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

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

    Links links() {
        return links;
    }

    List<String> operations() {
        return operations;
    }

    /** A write call answering an id (AddUser, AddPackage…). */
    int create(String operation, IntSupplier call) {
        operations.add(operation);
        return dryRun ? DRY_RUN_ID : call.getAsInt();
    }

    /** A write call answering nothing but success. */
    void write(String operation, Runnable call) {
        operations.add(operation);
        if (!dryRun) {
            call.run();
        }
    }
}
