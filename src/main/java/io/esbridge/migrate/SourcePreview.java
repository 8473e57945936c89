package io.esbridge.migrate;

import java.util.List;

import io.esbridge.record.RecordEnvelope;

/**
 * A source server as a migration would provision it, without provisioning anything.
 *
 * @param description          the source's name and address, for the report
 * @param records              every record, under no run ({@link #NO_RUN})
 * @param notes                what the target cannot take (quotas or groups its catalogue lacks, plans in no space)
 * @param usersWithoutPassword usernames the source gave no password for: a new user gets a generated one
 */
public record SourcePreview(
        String description, List<RecordEnvelope> records, List<String> notes, List<String> usersWithoutPassword) {

    /** The run id of the records; it is stored nowhere. */
    public static final String NO_RUN = "check";
}
