package io.esbridge.feed;

import java.util.Map;

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
 * field, the value (secrets masked) and the reason. Never throws for a bad row: one bad row never stops a feed.
 */
@Component
public class RowToRecord implements Processor {

    @Override
    public void process(Exchange exchange) {
        SourcedRow row = exchange.getIn().getBody(SourcedRow.class);
        FeedMapper feed = exchange.getProperty(FeedHeaders.MAPPER, FeedMapper.class);
        String runId = exchange.getProperty(FeedHeaders.RUN_ID, String.class);
        exchange.getIn().setBody(toRecord(row, feed, runId));
    }

    /**
     * The row as a {@link RecordEnvelope} or a {@link RejectedRecord}: what every feed's rows become, and what the
     * pre-flight check ({@code es-bridge check}) validates by, so that it refuses exactly what an import would.
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
