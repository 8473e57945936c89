package io.esbridge.sync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

import io.esbridge.feed.FeedHeaders;
import io.esbridge.feed.read.SourcedRow;
import io.esbridge.mapping.FeedMapper;
import io.esbridge.mapping.MappingRegistry;
import io.esbridge.record.SourceRef;

/**
 * Runs one phase's query and hands every row to {@code direct:feed-record}, the route every feed's rows take (mapping,
 * validation, then provisioning or the error channel), while noting the largest watermark value and the billing
 * keys read.
 */
@Component
class PhaseReader {

    static final String FEED_RECORD = io.esbridge.feed.FeedEndpoints.RECORD;
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** What a phase read: rows handed on, rows Camel failed to take (lost), the watermark reached, the keys. */
    record Read(long rows, long lost, String maxWatermark, Set<String> keys) {}

    private final ProducerTemplate producer;
    private final MappingRegistry mappings;
    private final SyncProperties properties;

    PhaseReader(ProducerTemplate producer, MappingRegistry mappings, SyncProperties properties) {
        this.producer = producer;
        this.mappings = mappings;
        this.properties = properties;
    }

    Read read(BillingSource source, SyncProperties.Phase phase, String runId, Object watermark) {
        FeedMapper feed = mappings.mapper(phase.mapping());
        String sql = query(phase);
        String watermarkColumn = properties.watermarkColumn().toLowerCase(Locale.ROOT);
        Set<String> keys = new HashSet<>();
        long[] counts = new long[2];
        Comparable<?>[] max = new Comparable<?>[1];
        RowCallbackHandler handler = rs -> {
            Map<String, String> values = values(rs);
            counts[0]++;
            String key = key(feed, values);
            if (key != null) {
                keys.add(key);
            }
            SourcedRow row =
                    SourcedRow.of(SourceRef.tableRow(phase.table(), key == null ? "#" + counts[0] : key), values);
            Exchange done = producer.send(FEED_RECORD, exchange -> {
                exchange.getIn().setBody(row);
                exchange.setProperty(FeedHeaders.MAPPER, feed);
                exchange.setProperty(FeedHeaders.RUN_ID, runId);
            });
            if (done.getException() != null) {
                counts[1]++;
            }
            max[0] = larger(max[0], (Comparable<?>) watermarkValue(rs.getObject(watermarkColumn)));
        };
        source.jdbc().getJdbcTemplate().setFetchSize(properties.fetchSize());
        source.jdbc().query(sql, Map.of("watermark", watermark), handler);
        return new Read(counts[0], counts[1], max[0] == null ? null : format(max[0]), keys);
    }

    /** The watermark parameter for a stored value, or for "from the beginning". */
    Object parameter(String stored) {
        return switch (properties.watermarkType()) {
            case TIMESTAMP -> Timestamp.valueOf(
                    stored == null ? LocalDateTime.of(1900, 1, 1, 0, 0) : LocalDateTime.parse(stored));
            case NUMBER -> stored == null ? BigDecimal.valueOf(Long.MIN_VALUE) : new BigDecimal(stored);
        };
    }

    /** Whether {@code candidate} lies beyond {@code stored} (a watermark never moves back). */
    boolean beyond(String candidate, String stored) {
        if (stored == null) {
            return true;
        }
        return switch (properties.watermarkType()) {
            case TIMESTAMP -> LocalDateTime.parse(candidate).isAfter(LocalDateTime.parse(stored));
            case NUMBER -> new BigDecimal(candidate).compareTo(new BigDecimal(stored)) > 0;
        };
    }

    static String query(SyncProperties.Phase phase) {
        try {
            return Files.readString(phase.query()).strip().replaceFirst(";$", "");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the query of phase " + phase.name() + ": " + phase.query(), e);
        }
    }

    /** The row as text by lower-case column label, as a CSV feed would give it; SQL nulls are left out. */
    static Map<String, String> values(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        Map<String, String> values = new HashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            Object value = rs.getObject(i);
            if (value != null) {
                values.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), text(value));
            }
        }
        return values;
    }

    private static String text(Object value) {
        if (value instanceof Timestamp t) {
            return t.toLocalDateTime().format(TIMESTAMP);
        }
        if (value instanceof LocalDateTime t) {
            return t.format(TIMESTAMP);
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return value.toString();
    }

    static String key(FeedMapper feed, Map<String, String> values) {
        try {
            return feed.mapperFor(values).key(values);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Object watermarkValue(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp t) {
            return t.toLocalDateTime();
        }
        if (value instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        if (value instanceof LocalDateTime || value instanceof BigDecimal) {
            return value;
        }
        throw new IllegalStateException("the watermark column holds "
                + value.getClass().getSimpleName() + "; it must be a timestamp or a number");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Comparable<?> larger(Comparable<?> current, Comparable<?> candidate) {
        if (candidate == null) {
            return current;
        }
        return current == null || ((Comparable) candidate).compareTo(current) > 0 ? candidate : current;
    }

    private static String format(Comparable<?> value) {
        return value instanceof BigDecimal d ? d.toPlainString() : value.toString();
    }
}
