package io.esbridge.sync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.sql.SqlConstants;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;
import org.springframework.stereotype.Component;

import io.esbridge.feed.FeedEndpoints;
import io.esbridge.feed.FeedHeaders;
import io.esbridge.mapping.FeedMapper;
import io.esbridge.mapping.MappingRegistry;

/**
 * Reads one phase: its query goes to route {@code sync-phase-read} ({@link NightlySyncRoutes#READ_PHASE}), which
 * runs it through camel-sql and streams every row to {@code direct:feed-record}, the route every feed's rows take
 * (mapping, validation, then provisioning or the error channel); the read's {@link PhaseTally} counts the rows handed
 * on and lost, and notes the largest watermark value and the billing keys read.
 */
@Component
class PhaseReader {

    static final String FEED_RECORD = FeedEndpoints.RECORD;

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

    /**
     * @throws org.springframework.dao.DataAccessException when the billing database refuses the query, as Spring
     *     JDBC would have said it (the sync fails with it, and no watermark moves)
     */
    Read read(BillingSource source, SyncProperties.Phase phase, String runId, Object watermark) {
        FeedMapper feed = mappings.mapper(phase.mapping());
        // the operators' queries name the parameter :watermark, as Spring JDBC spells it: Spring's parser turns it
        // into JDBC's ?, skipping comments, quoted text and :: casts, and binds every use of it, as it did before
        // the read went through camel-sql (whose own :?name would also be counted inside a comment)
        ParsedSql parsed = NamedParameterUtils.parseSqlStatement(query(phase));
        MapSqlParameterSource parameters = parameters(watermark);
        String sql = NamedParameterUtils.substituteNamedParameters(parsed, parameters);
        List<Object> values = Arrays.asList(NamedParameterUtils.buildValueArray(parsed, parameters, null));
        PhaseTally tally = new PhaseTally(phase, feed, properties.watermarkColumn());
        Exchange done = producer.send(NightlySyncRoutes.READ_PHASE, exchange -> {
            exchange.getIn().setBody(sql);
            exchange.getIn().setHeader(SqlConstants.SQL_PARAMETERS, values);
            exchange.setProperty(FeedHeaders.MAPPER, feed);
            exchange.setProperty(FeedHeaders.RUN_ID, runId);
            exchange.setProperty(PhaseTally.PROPERTY, tally);
        });
        Exception failed = done.getException();
        if (failed instanceof SQLException e) {
            String task = "sync phase " + phase.name();
            DataAccessException translated =
                    new SQLErrorCodeSQLExceptionTranslator(source.dataSource()).translate(task, sql, e);
            throw translated != null ? translated : new UncategorizedSQLException(task, sql, e);
        }
        if (failed instanceof RuntimeException e) {
            throw e;
        }
        if (failed != null) {
            throw new IllegalStateException("sync phase " + phase.name() + ": " + failed.getMessage(), failed);
        }
        return tally.read();
    }

    /** What a phase's query is bound with: the watermark and es.sync.parameters. */
    MapSqlParameterSource parameters(Object watermark) {
        return new MapSqlParameterSource(properties.parameters()).addValue("watermark", watermark);
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

    /** Read at every sync: an edited query counts from the next one. */
    static String query(SyncProperties.Phase phase) {
        try {
            return Files.readString(phase.query()).strip().replaceFirst(";$", "");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the query of phase " + phase.name() + ": " + phase.query(), e);
        }
    }
}
