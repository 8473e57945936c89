package io.esbridge.feed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;
import org.springframework.stereotype.Component;

import io.esbridge.feed.read.CsvFeedRows;
import io.esbridge.feed.read.FeedRows;
import io.esbridge.feed.read.FeedUnreadableException;
import io.esbridge.feed.read.JsonFeedRows;
import io.esbridge.mapping.MappingRegistry;
import io.esbridge.mapping.FeedMapper;
import io.esbridge.record.SourceRef;
import io.esbridge.run.RunLedger;

/**
 * Opens a feed (a dropped file or a push) as a run of lazily read rows and, whatever happens, closes it and tells the
 * run ledger how many records were read, so that every record read is accounted for in the run's report.
 */
@Component("feedRuns")
public class FeedRuns {

    private final MappingRegistry mappings;
    private final RunLedger ledger;
    private final FeedProperties properties;

    public FeedRuns(MappingRegistry mappings, RunLedger ledger, FeedProperties properties) {
        this.mappings = mappings;
        this.ledger = ledger;
        this.properties = properties;
    }

    /** A dropped file: its mapping from the route's header or its name; CSV or JSON by extension. */
    public void openFile(Exchange exchange) throws IOException {
        Path file = exchange.getIn().getBody(java.io.File.class).toPath();
        String fileName = file.getFileName().toString();
        FeedMapper mapper = mapper(exchange, fileName);
        Charset charset = charset(exchange);
        InputStream in = Files.newInputStream(file);
        FeedRows rows;
        try {
            rows = isJson(fileName)
                    ? new JsonFeedRows(in, charset, fileName, (line, index) -> SourceRef.fileLine(fileName, line))
                    : new CsvFeedRows(in, charset, delimiter(exchange), fileName, mapper.requiredColumn());
        } catch (RuntimeException e) {
            in.close();
            throw e;
        }
        start(exchange, mapper, rows, ledger.open(SourceRef.Kind.FILE, fileName));
    }

    /** A push: the body is the request's JSON array or JSON Lines. */
    public void openPush(Exchange exchange) {
        FeedMapper mapper = mappings.mapper(exchange.getIn().getHeader(FeedHeaders.MAPPING, String.class));
        String runId = ledger.open(SourceRef.Kind.PUSH, "push " + mapper.name());
        exchange.setProperty(FeedHeaders.RUN_ID, runId);
        exchange.getIn().setHeader(FeedHeaders.RUN_ID, runId);
        FeedRows rows;
        try {
            rows = new JsonFeedRows(exchange.getIn().getMandatoryBody(InputStream.class), charset(exchange), "push",
                    (line, index) -> SourceRef.pushIndex(runId, index));
        } catch (org.apache.camel.InvalidPayloadException e) {
            ledger.inputComplete(runId, 0);
            throw new FeedUnreadableException("the push has no body", e);
        } catch (RuntimeException e) {
            ledger.inputComplete(runId, 0);
            throw e;
        }
        start(exchange, mapper, rows, runId);
    }

    private void start(Exchange exchange, FeedMapper mapper, FeedRows rows, String runId) {
        exchange.setProperty(FeedHeaders.MAPPER, mapper);
        exchange.setProperty(FeedHeaders.ROWS, rows);
        exchange.setProperty(FeedHeaders.RUN_ID, runId);
        exchange.getIn().setHeader(FeedHeaders.RUN_ID, runId);
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                try {
                    rows.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } finally {
                    ledger.inputComplete(runId, rows.read());
                }
            }
        });
    }

    /** Once every row was handed on: how many there were, for the caller (the push answer, the log). */
    public void finish(Exchange exchange) {
        FeedRows rows = exchange.getProperty(FeedHeaders.ROWS, FeedRows.class);
        exchange.getIn().setHeader(FeedHeaders.RECORDS_READ, rows.read());
    }

    private FeedMapper mapper(Exchange exchange, String fileName) {
        String name = exchange.getIn().getHeader(FeedHeaders.MAPPING, String.class);
        if (name != null && !name.isBlank()) {
            return mappings.mapper(name.strip());
        }
        String unprefixed = fileName.startsWith(FeedHeaders.REIMPORT_PREFIX)
                ? fileName.substring(FeedHeaders.REIMPORT_PREFIX.length()) : fileName;
        return mappings.forFileName(unprefixed).orElseThrow(() -> new FeedUnreadableException(fileName
                + " names no mapping: its route sets no " + FeedHeaders.MAPPING + " header and its name starts with"
                + " no mapping's name"));
    }

    private Charset charset(Exchange exchange) {
        String name = exchange.getIn().getHeader(FeedHeaders.CHARSET, String.class);
        return name == null || name.isBlank() ? properties.charset() : Charset.forName(name.strip());
    }

    private String delimiter(Exchange exchange) {
        String delimiter = exchange.getIn().getHeader(FeedHeaders.DELIMITER, String.class);
        return delimiter == null ? properties.delimiter() : delimiter;
    }

    private static boolean isJson(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return lower.endsWith(".json") || lower.endsWith(".jsonl") || lower.endsWith(".ndjson");
    }
}
