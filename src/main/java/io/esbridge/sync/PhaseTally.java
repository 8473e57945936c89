package io.esbridge.sync;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.camel.Exchange;

import io.esbridge.feed.read.SourcedRow;
import io.esbridge.mapping.FeedMapper;
import io.esbridge.record.SourceRef;

/**
 * What one phase's read has seen so far, row by row as route {@code sync-phase-read} streams them: rows handed on,
 * rows the feed route failed to take (lost), the largest watermark value and the billing keys. It rides on the
 * read's exchange (property {@link #PROPERTY}), which the splitter copies by reference to every row's exchange, and
 * is only touched by the one thread that walks the result set.
 */
final class PhaseTally {

    static final String PROPERTY = "EsSyncPhaseTally";
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final SyncProperties.Phase phase;
    private final FeedMapper feed;
    private final String watermarkColumn;
    private final Set<String> keys = new HashSet<>();
    private long rows;
    private long lost;
    private Comparable<?> max;

    PhaseTally(SyncProperties.Phase phase, FeedMapper feed, String watermarkColumn) {
        this.phase = phase;
        this.feed = feed;
        this.watermarkColumn = watermarkColumn.toLowerCase(Locale.ROOT);
    }

    /** Processor: the row's exchange gets its {@link SourcedRow} as body, counted and its watermark noted. */
    static void row(Exchange exchange) {
        PhaseTally tally = exchange.getProperty(PROPERTY, PhaseTally.class);
        exchange.getIn().setBody(tally.take(exchange.getIn().getBody(Map.class)));
    }

    /** Processor: the feed route failed to take the row (its exception is caught by the route, and counted here). */
    static void lost(Exchange exchange) {
        exchange.getProperty(PROPERTY, PhaseTally.class).lost++;
    }

    PhaseReader.Read read() {
        return new PhaseReader.Read(rows, lost, max == null ? null : format(max), keys);
    }

    private SourcedRow take(Map<?, ?> columns) {
        Map<String, String> values = values(columns);
        rows++;
        String key = key(values);
        if (key != null) {
            keys.add(key);
        }
        max = larger(max, watermarkValue(watermark(columns)));
        return SourcedRow.of(SourceRef.tableRow(phase.table(), key == null ? "#" + rows : key), values);
    }

    /** The watermark column's value (null for SQL NULL); a query without the column is refused. */
    private Object watermark(Map<?, ?> columns) {
        for (Map.Entry<?, ?> column : columns.entrySet()) {
            if (watermarkColumn.equalsIgnoreCase(String.valueOf(column.getKey()))) {
                return column.getValue();
            }
        }
        // read as "no watermark", the phase would never move its watermark, and say nothing
        throw new IllegalStateException("the query of sync phase " + phase.name() + " (" + phase.query()
                + ") has no column " + watermarkColumn + " (the setting es.sync.watermark-column)");
    }

    /** The row as text by lower-case column label, as a CSV feed would give it; SQL nulls are left out. */
    static Map<String, String> values(Map<?, ?> columns) {
        Map<String, String> values = new HashMap<>();
        columns.forEach((label, value) -> {
            if (value != null) {
                values.put(String.valueOf(label).toLowerCase(Locale.ROOT), text(value));
            }
        });
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

    private String key(Map<String, String> values) {
        return keyOf(feed, values);
    }

    /** The row's billing key by its mapping, or null when the mapping cannot tell (the record is refused later). */
    static String keyOf(FeedMapper feed, Map<String, String> values) {
        try {
            return feed.mapperFor(values).key(values);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private Comparable<?> watermarkValue(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp t) {
            return t.toLocalDateTime();
        }
        if (value instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        if (value instanceof LocalDateTime t) {
            return t;
        }
        throw new IllegalStateException("the watermark column " + watermarkColumn + " of sync phase " + phase.name()
                + " holds " + value.getClass().getSimpleName() + "; it must be a timestamp or a number");
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
