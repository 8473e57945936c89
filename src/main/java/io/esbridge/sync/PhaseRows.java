package io.esbridge.sync;

import java.util.Map;
import java.util.function.BiConsumer;

import org.springframework.jdbc.core.ColumnMapRowMapper;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

import io.esbridge.feed.read.SourcedRow;
import io.esbridge.mapping.FeedMapper;
import io.esbridge.mapping.MappingRegistry;
import io.esbridge.record.SourceRef;

/**
 * The rows a sync would read, read as {@link PhaseReader} reads them (each phase's query with its watermark, the
 * columns as text by lower-case label, the source {@code table <table> row <key>}), but handed to the caller instead
 * of to provisioning, and without a run, a watermark or a synced key written: for the pre-flight check.
 */
@Component
public class PhaseRows {

    private final BillingSource source;
    private final SyncProperties properties;
    private final PhaseReader reader;
    private final Watermarks watermarks;
    private final MappingRegistry mappings;

    PhaseRows(
            BillingSource source,
            SyncProperties properties,
            PhaseReader reader,
            Watermarks watermarks,
            MappingRegistry mappings) {
        this.source = source;
        this.properties = properties;
        this.reader = reader;
        this.watermarks = watermarks;
        this.mappings = mappings;
    }

    /** Where the rows come from, for the report: {@code billing: customers, subscriptions, addons}. */
    public String describe() {
        return source.name() + ": "
                + String.join(
                        ", ",
                        properties.phases().stream()
                                .map(SyncProperties.Phase::name)
                                .toList());
    }

    /**
     * Every phase in order, each row with its phase's mapping: the rows an incremental sync would read now (since
     * each phase's watermark), or with {@link SyncMode#RECONCILE} every row.
     *
     * @throws BillingSourceUnavailableException when the billing database cannot be opened
     */
    public void read(SyncMode mode, BiConsumer<FeedMapper, SourcedRow> each) {
        source.open();
        for (SyncProperties.Phase phase : properties.phases()) {
            FeedMapper feed = mappings.mapper(phase.mapping());
            String stored = watermarks.get(source.name(), phase.name()).orElse(null);
            Object from = reader.parameter(mode == SyncMode.INCREMENTAL ? stored : null);
            long[] read = {0};
            // the same text of each column as the sync's own read (route sync-phase-read) gives it
            ColumnMapRowMapper columns = new ColumnMapRowMapper();
            RowCallbackHandler handler = rs -> {
                Map<String, String> values = PhaseTally.values(columns.mapRow(rs, (int) read[0]));
                read[0]++;
                String key = PhaseTally.keyOf(feed, values);
                each.accept(
                        feed,
                        SourcedRow.of(SourceRef.tableRow(phase.table(), key == null ? "#" + read[0] : key), values));
            };
            source.jdbc().getJdbcTemplate().setFetchSize(properties.fetchSize());
            source.jdbc().query(PhaseReader.query(phase), reader.parameters(from), handler);
        }
    }
}
