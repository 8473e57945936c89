package io.esbridge.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;

import io.esbridge.feed.FeedRuns;
import io.esbridge.feed.RowToRecord;
import io.esbridge.feed.read.FeedRows;
import io.esbridge.feed.read.FeedUnreadableException;
import io.esbridge.feed.read.SourcedRow;
import io.esbridge.mapping.FeedMapper;
import io.esbridge.record.AddonRecord;
import io.esbridge.record.CustomerRecord;
import io.esbridge.record.PlanRecord;
import io.esbridge.record.RecordEnvelope;
import io.esbridge.record.RejectedRecord;
import io.esbridge.record.SourceRef;
import io.esbridge.record.SubscriptionRecord;

/**
 * The records of the inputs, read and validated exactly as an import reads them: each file opened by
 * {@link FeedRuns#readFile} (mapping, charset, reader) and each row mapped by {@link RowToRecord#toRecords}. No run is
 * opened and nothing is written; a refused row becomes an {@link FindingKind#INVALID_RECORD} finding.
 */
final class CheckInputs {

    /** A valid record of the inputs and where it was read. */
    record Read<T>(SourceRef source, String key, T record) {}

    /** The run id the rows are mapped under; it is never stored anywhere. */
    private static final String NO_RUN = "check";

    final List<Read<PlanRecord>> plans = new ArrayList<>();
    final List<Read<CustomerRecord>> customers = new ArrayList<>();
    final List<Read<SubscriptionRecord>> subscriptions = new ArrayList<>();
    final List<Read<AddonRecord>> addons = new ArrayList<>();

    /**
     * Reads every file to its end.
     *
     * @throws InputUnreadableException when a file cannot be read (no mapping, broken charset, cut off): the check
     *     cannot tell what an import would do with the rest of it
     */
    static CheckInputs read(
            List<Path> files, FeedRuns feeds, RowToRecord rows, CamelContext camel, CheckReport report) {
        CheckInputs inputs = new CheckInputs();
        for (Path file : files) {
            report.file(file.toString());
            Exchange exchange = new DefaultExchange(camel);
            exchange.getIn().setBody(file.toFile());
            exchange.getIn().setHeader(Exchange.FILE_NAME, file.getFileName().toString());
            try {
                FeedRuns.OpenedFile opened = feeds.readFile(exchange);
                try (FeedRows read = opened.rows()) {
                    while (read.hasNext()) {
                        rows.toRecords(read.next(), opened.mapper(), NO_RUN)
                                .forEach(mapped -> inputs.add(mapped, report));
                    }
                }
            } catch (FeedUnreadableException | IllegalArgumentException e) {
                throw new InputUnreadableException(file + ": cannot be checked: " + e.getMessage(), e);
            } catch (IOException | UncheckedIOException e) {
                throw new InputUnreadableException(file + ": cannot be read: " + e.getMessage(), e);
            }
        }
        return inputs;
    }

    /** One row of another source (a billing database phase), mapped as its feed maps it. */
    void add(SourcedRow row, FeedMapper mapper, RowToRecord rows, CheckReport report) {
        rows.toRecords(row, mapper, NO_RUN).forEach(mapped -> add(mapped, report));
    }

    /** A record another source made without a mapping (a source server's, {@code check --from-url}). */
    void add(RecordEnvelope record, CheckReport report) {
        add((Object) record, report);
    }

    private void add(Object mapped, CheckReport report) {
        if (mapped instanceof RejectedRecord rejected) {
            report.record(rejected.type());
            // the field and the reason, as import reports them; the value only as problem() shows it (secrets masked)
            report.add(new Finding(
                    FindingKind.INVALID_RECORD,
                    rejected.source(),
                    rejected.type(),
                    rejected.billingKey(),
                    rejected.field(),
                    rejected.field() == null
                            ? rejected.problem()
                            : rejected.problem()
                                    .substring(rejected.field().length())
                                    .strip()));
            return;
        }
        RecordEnvelope envelope = (RecordEnvelope) mapped;
        report.record(envelope.type());
        SourceRef source = envelope.source();
        String key = envelope.billingKey();
        Object payload = envelope.payload();
        if (payload instanceof PlanRecord plan) {
            plans.add(new Read<>(source, key, plan));
        } else if (payload instanceof CustomerRecord customer) {
            customers.add(new Read<>(source, key, customer));
        } else if (payload instanceof SubscriptionRecord subscription) {
            subscriptions.add(new Read<>(source, key, subscription));
        } else if (payload instanceof AddonRecord addon) {
            addons.add(new Read<>(source, key, addon));
        } else {
            throw new IllegalStateException("a feed made a " + envelope.type() + " record");
        }
    }

    /** An input the check cannot read: it could not run (exit 2), as import could not import it. */
    static final class InputUnreadableException extends RuntimeException {
        InputUnreadableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
