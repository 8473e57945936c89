package io.esbridge.feed;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

import io.esbridge.feed.read.SourcedRow;
import io.esbridge.mapping.FeedMapper;
import io.esbridge.mapping.FieldRejection;
import io.esbridge.mapping.RecordMapper;
import io.esbridge.mapping.Secrets;
import io.esbridge.record.ProvisioningRecord;
import io.esbridge.record.RecordEnvelope;
import io.esbridge.record.RejectedRecord;

/**
 * Turns one row into a {@link RecordEnvelope} for provisioning, or a {@link RejectedRecord} naming the source, the
 * field, the value (secrets masked) and the reason; a row whose mapping names a second one ({@code also}) into two,
 * in order. Never throws for a bad row: one bad row never stops a feed.
 */
@Component
public class RowToRecord implements Processor {

    /**
     * Per run, the records made beyond one per row: the run is closed with its rows read plus these, so that its
     * {@code in=} still equals its outcomes and the close waits for the second records' outcomes too.
     */
    private final Map<String, LongAdder> extraRecords = new ConcurrentHashMap<>();

    @Override
    public void process(Exchange exchange) {
        SourcedRow row = exchange.getIn().getBody(SourcedRow.class);
        FeedMapper feed = exchange.getProperty(FeedHeaders.MAPPER, FeedMapper.class);
        String runId = exchange.getProperty(FeedHeaders.RUN_ID, String.class);
        List<Object> records = toRecords(row, feed, runId);
        if (records.size() > 1 && runId != null) {
            extraRecords.computeIfAbsent(runId, id -> new LongAdder()).add(records.size() - 1L);
        }
        exchange.getIn().setBody(records);
    }

    /** The records beyond one per row that the run's rows made so far; forgotten once asked (at the run's close). */
    public long takeExtraRecords(String runId) {
        LongAdder extra = extraRecords.remove(runId);
        return extra == null ? 0 : extra.sum();
    }

    /**
     * The records of the row, each a {@link RecordEnvelope} or a {@link RejectedRecord}: the row's own, then the one
     * its mapping's {@code also} makes of it. Both are mapped whatever became of the other: a refused customer's space
     * is refused by provisioning for want of its customer, so that the report names both.
     */
    public List<Object> toRecords(SourcedRow row, FeedMapper feed, String runId) {
        Object first = toRecord(row, feed, runId);
        RecordMapper mapper;
        try {
            mapper = feed.mapperFor(row.values());
        } catch (FieldRejection rejection) {
            return List.of(first);
        }
        return mapper.also()
                .map(second -> List.of(first, toRecord(row, second, runId)))
                .orElseGet(() -> List.of(first));
    }

    /**
     * The row as one {@link RecordEnvelope} or {@link RejectedRecord}, by the feed's mapping alone (not its
     * {@code also}: {@link #toRecords} is what every feed's rows become, and what the pre-flight check validates by).
     */
    public Object toRecord(SourcedRow row, FeedMapper feed, String runId) {
        Map<String, String> raw = Secrets.masked(row.values(), feed.secrets());
        RecordMapper mapper = null;
        Object result;
        try {
            mapper = feed.mapperFor(row.values());
            if (row.problem() != null) {
                throw new FieldRejection("(row)", null, row.problem());
            }
            ProvisioningRecord record = mapper.map(row.values());
            result = new RecordEnvelope(runId, row.source(), mapper.type(), record.key(), record, raw);
        } catch (FieldRejection rejection) {
            result = new RejectedRecord(
                    runId,
                    row.source(),
                    mapper == null ? null : mapper.type(),
                    safeKey(mapper, row),
                    rejection.field(),
                    rejection.value(),
                    rejection.reason(),
                    raw);
        } catch (RuntimeException e) {
            // a mapping expression that fails on this row's values
            result = new RejectedRecord(
                    runId,
                    row.source(),
                    mapper == null ? null : mapper.type(),
                    safeKey(mapper, row),
                    "(mapping)",
                    null,
                    "the mapping cannot be applied: " + e.getMessage(),
                    raw);
        }
        return result;
    }

    private static String safeKey(RecordMapper mapper, SourcedRow row) {
        if (mapper == null) {
            return null;
        }
        try {
            return mapper.key(row.values());
        } catch (RuntimeException e) {
            return null;
        }
    }
}
