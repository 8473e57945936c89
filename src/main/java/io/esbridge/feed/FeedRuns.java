package io.esbridge.feed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BiConsumer;

import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.esbridge.feed.output.RejectsCsv;
import io.esbridge.feed.output.RunFiles;
import io.esbridge.feed.read.CharsetDetection;
import io.esbridge.feed.read.CharsetMismatch;
import io.esbridge.feed.read.CountingInputStream;
import io.esbridge.feed.read.CsvFeedRows;
import io.esbridge.feed.read.FeedCharset;
import io.esbridge.feed.read.FeedFormat;
import io.esbridge.feed.read.FeedRows;
import io.esbridge.feed.read.FeedUnreadableException;
import io.esbridge.feed.read.ForwardingFeedRows;
import io.esbridge.feed.read.JsonFeedRows;
import io.esbridge.feed.read.KeyValueFeedRows;
import io.esbridge.feed.read.SourcedRow;
import io.esbridge.feed.read.XmlFeedRows;
import io.esbridge.mapping.FeedMapper;
import io.esbridge.mapping.MappingRegistry;
import io.esbridge.record.SourceRef;
import io.esbridge.run.RunReport;
import io.esbridge.run.RunSession;
import io.esbridge.run.RunSessions;

/**
 * Opens a feed (a dropped file or a push) as a run of lazily read rows and, whatever happens, closes it and tells the
 * run session how many records were read, so that every record read is accounted for in the run's report.
 * <p>
 * A file run then leaves its report ({@code .report.json}) and, when records failed, its rejects file
 * ({@code .rejects.csv}, see {@link RunFiles}) beside the processed file: in {@code done/} under the name the inbox
 * route moves the file to ({@link FeedHeaders#DONE_NAME}, {@code <yyyyMMdd-HHmmss>-<name>}), or in {@code failed/}
 * under the file's name when the file could not be read to the end. The one-shot {@code import} command leaves the
 * file where it is and writes both into a {@code done/} folder beside it.
 */
@Component
public class FeedRuns {

    private static final Logger LOG = LoggerFactory.getLogger(FeedRuns.class);

    private final MappingRegistry mappings;
    private final RunSessions sessions;
    private final FeedProperties properties;
    private final RunFiles runFiles;
    private final ReadPositions positions;
    private final RowToRecord rowToRecord;

    public FeedRuns(
            MappingRegistry mappings,
            RunSessions sessions,
            FeedProperties properties,
            RunFiles runFiles,
            ReadPositions positions,
            RowToRecord rowToRecord) {
        this.rowToRecord = rowToRecord;
        this.mappings = mappings;
        this.sessions = sessions;
        this.properties = properties;
        this.runFiles = runFiles;
        this.positions = positions;
    }

    /**
     * A dropped file: its mapping from the route's header or its name; CSV, JSON, XML or {@code key=value} (one file,
     * or a {@code .tar.gz} of them) by extension ({@link FeedFormat}).
     */
    public void openFile(Exchange exchange) throws IOException {
        Path file = exchange.getIn().getBody(java.io.File.class).toPath();
        String fileName = file.getFileName().toString();
        OpenedFile opened = readFile(exchange);
        FeedMapper mapper = opened.mapper();
        FeedCharset readAs = opened.charset();
        RunSession run = sessions.open(SourceRef.Kind.FILE, fileName, readAs.name(), readAs.from());
        LOG.info("{}: run {}, read as {} ({})", fileName, run.runId(), readAs.name(), readAs.from());
        String doneName = exchange.getIn().getHeader(FeedHeaders.DONE_NAME, String.class);
        Path folder = file.toAbsolutePath().getParent();
        FeedRows aware = opened.rows();
        positions.track(run.runId(), opened.in(), aware);
        // once the run is closed (every outcome is in): its report and rejects beside the processed file
        start(exchange, mapper, aware, run, false, (done, report) -> {
            boolean failed = done.isFailed();
            writeRunFiles(
                    report,
                    folder.resolve(failed ? "failed" : "done"),
                    failed || doneName == null ? fileName : doneName);
        });
    }

    /** A file opened as {@link #readFile} opens it: its mapping, the charset it is read as, its rows and its bytes. */
    public record OpenedFile(FeedMapper mapper, FeedCharset charset, FeedRows rows, CountingInputStream in) {}

    /**
     * Opens a dropped file's rows without opening a run: the mapping (the route's header, else the file's name), the
     * charset (declared, else detected) and the reader (CSV or JSON by extension). Import and the pre-flight check
     * ({@code es-bridge check}) both read files through here, so a check passes exactly what an import would read.
     */
    public OpenedFile readFile(Exchange exchange) throws IOException {
        Path file = exchange.getIn().getBody(java.io.File.class).toPath();
        String fileName = file.getFileName().toString();
        FeedMapper mapper = mapper(exchange, fileName);
        FeedCharset charset = declaredCharset(
                        exchange,
                        mapper,
                        "the route's " + FeedHeaders.CHARSET + " header",
                        "change the " + FeedHeaders.CHARSET + " header of its inbox route (routes/feeds-inbox.yaml)")
                .orElse(null);
        FeedFormat format = FeedFormat.of(fileName);
        if (charset == null && format.detectCharset()) {
            charset = CharsetDetection.of(file);
        } else if (charset == null && format == FeedFormat.KEY_VALUE_ARCHIVE) {
            // compressed: nothing to detect from; the panels that write such archives (DirectAdmin) write UTF-8
            charset = new FeedCharset(
                    StandardCharsets.UTF_8,
                    "the default for archives (their entries are not detected)",
                    "set the charset of config/mappings/" + mapper.name() + ".yml to the files' charset",
                    false);
        }
        String records = mapper.records().orElse(null);
        FeedCharset declared = charset;
        CountingInputStream in = new CountingInputStream(Files.newInputStream(file));
        FeedRows rows;
        FeedCharset readAs;
        try {
            switch (format) {
                case JSON -> rows = new JsonFeedRows(
                        in, declared.charset(), fileName, (line, index) -> SourceRef.fileLine(fileName, line), records);
                case XML -> {
                    XmlFeedRows xml =
                            new XmlFeedRows(in, declared == null ? null : declared.charset(), fileName, records);
                    rows = xml;
                    if (declared == null) {
                        declared = new FeedCharset(
                                Charset.isSupported(xml.charsetName())
                                        ? Charset.forName(xml.charsetName())
                                        : StandardCharsets.UTF_8,
                                "the XML document's own (its prolog or byte order mark, else UTF-8)",
                                "correct the encoding in the document's prolog, or set the mapping's charset",
                                false);
                    }
                }
                case KEY_VALUE, KEY_VALUE_ARCHIVE -> rows =
                        new KeyValueFeedRows(in, declared.charset(), fileName, records);
                default -> rows =
                        new CsvFeedRows(in, declared.charset(), delimiter(exchange), fileName, mapper.requiredColumn());
            }
            readAs = declared;
        } catch (FeedUnreadableException e) {
            in.close();
            throw declared == null ? e : CharsetMismatch.explain(e, file, declared);
        } catch (RuntimeException e) {
            in.close();
            throw e;
        }
        FeedRows aware = new RejectsAware(
                CharsetMismatch.explaining(rows, broken -> CharsetMismatch.explain(broken, file, readAs)));
        return new OpenedFile(mapper, readAs, aware, in);
    }

    private void writeRunFiles(RunReport report, Path folder, String baseName) {
        try {
            RunFiles.Written written = runFiles.write(report, folder, baseName);
            LOG.info(
                    "run {}: report {}{}",
                    report.runId(),
                    written.report(),
                    written.rejects().map(r -> ", rejects " + r).orElse(""));
        } catch (IOException | RuntimeException e) {
            LOG.error("run {}: report / rejects file not written to {}: {}", report.runId(), folder, e.getMessage());
        }
    }

    /**
     * A rejects file dropped into the inbox again reads like the original feed: its error columns are dropped and the
     * {@code '} that kept values from being read as formulas is removed.
     */
    private static final class RejectsAware extends ForwardingFeedRows {

        RejectsAware(FeedRows rows) {
            super(rows);
        }

        @Override
        public SourcedRow next() {
            SourcedRow row = rows.next();
            return row.values() != null && RejectsCsv.isRejectsRow(row.values())
                    ? new SourcedRow(row.source(), RejectsCsv.original(row.values()), row.problem())
                    : row;
        }
    }

    /** A push: the body is the request's JSON array or JSON Lines. */
    public void openPush(Exchange exchange) {
        FeedMapper mapper = mappings.mapper(exchange.getIn().getHeader(FeedHeaders.MAPPING, String.class));
        // a push is a stream, read once: not sniffed; JSON without a named charset is UTF-8 (RFC 8259)
        FeedCharset charset = declaredCharset(
                        exchange,
                        mapper,
                        "the push's Content-Type",
                        "send the body in the charset its Content-Type names")
                .orElse(FeedCharset.declared(
                        StandardCharsets.UTF_8,
                        "JSON's own charset (RFC 8259; the push's Content-Type names none)",
                        "send UTF-8, or name the body's charset in Content-Type (application/json; charset=...)"));
        RunSession run = sessions.open(SourceRef.Kind.PUSH, "push " + mapper.name(), charset.name(), charset.from());
        String runId = run.runId();
        exchange.setProperty(FeedHeaders.RUN_ID, runId);
        exchange.getIn().setHeader(FeedHeaders.RUN_ID, runId);
        FeedRows read;
        try {
            read = new JsonFeedRows(
                    exchange.getIn().getMandatoryBody(InputStream.class),
                    charset.charset(),
                    "push",
                    (line, index) -> SourceRef.pushIndex(runId, index));
        } catch (org.apache.camel.InvalidPayloadException e) {
            run.close(0);
            throw new FeedUnreadableException("the push has no body", e);
        } catch (FeedUnreadableException e) {
            run.close(0);
            throw CharsetMismatch.explainPush(e, 0, charset);
        } catch (RuntimeException e) {
            run.close(0);
            throw e;
        }
        FeedRows json = read;
        FeedRows rows =
                CharsetMismatch.explaining(json, broken -> CharsetMismatch.explainPush(broken, json.read(), charset));
        start(exchange, mapper, rows, run, true, (done, report) -> {});
    }

    /**
     * Hands the rows on and, once the exchange is done, closes the run with the number read. A push whose body breaks
     * off ({@link FeedUnreadableException} after some rows) gets one more failed record, the unreadable rest, so that
     * its report says where and why: nobody waits for the answer of an asynchronous push, and
     * {@code GET /api/runs/{id}} is all its caller sees. A file that breaks off goes to {@code failed/} with a note.
     */
    private void start(
            Exchange exchange,
            FeedMapper mapper,
            FeedRows rows,
            RunSession run,
            boolean push,
            BiConsumer<Exchange, RunReport> afterClose) {
        String runId = run.runId();
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
                    try {
                        // a row whose mapping names an also made two records: the run counts records, not rows
                        long read = rows.read() + rowToRecord.takeExtraRecords(runId);
                        FeedUnreadableException broken = done.getException(FeedUnreadableException.class);
                        if (push && broken != null) {
                            run.inputUnreadable("push after record " + read, broken.getMessage());
                            read++;
                        }
                        afterClose.accept(done, run.close(read));
                    } finally {
                        // only now: until the last outcome is in, the progress line still estimates from it
                        positions.forget(runId);
                    }
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
                ? fileName.substring(FeedHeaders.REIMPORT_PREFIX.length())
                : fileName;
        return mappings.forFileName(unprefixed)
                .orElseThrow(() -> new FeedUnreadableException(fileName
                        + " names no mapping: its route's " + FeedHeaders.MAPPING
                        + " header names none and its name starts"
                        + " with no mapping's name"));
    }

    /**
     * The charset a setting fixes for this feed: the exchange's {@link FeedHeaders#CHARSET} header (the inbox route's,
     * or the push's Content-Type), else the mapping's {@code charset}, else {@code es.feeds.charset}; none: detected.
     */
    private Optional<FeedCharset> declaredCharset(
            Exchange exchange, FeedMapper mapper, String header, String changeHeader) {
        String name = exchange.getIn().getHeader(FeedHeaders.CHARSET, String.class);
        if (name != null && !name.isBlank()) {
            Charset charset;
            try {
                charset = Charset.forName(name.strip());
            } catch (IllegalArgumentException e) {
                throw new FeedUnreadableException(
                        header + " names the charset '" + name.strip() + "', which" + " es-bridge cannot read; "
                                + changeHeader + " (e.g. windows-1252 or UTF-8)",
                        e);
            }
            return Optional.of(FeedCharset.declared(charset, header, changeHeader));
        }
        String mapping = "config/mappings/" + mapper.name() + ".yml";
        Optional<FeedCharset> ofMapping = mapper.charset()
                .map(charset -> FeedCharset.declared(
                        charset,
                        "the charset of " + mapping,
                        "change charset in " + mapping + " (or remove it to have each file's" + " detected)"));
        if (ofMapping.isPresent() || properties.charset() == null) {
            return ofMapping;
        }
        return Optional.of(FeedCharset.declared(
                properties.charset(),
                "es.feeds.charset",
                "set es.feeds.charset to" + " the file's charset, or leave it empty to have each file's detected"));
    }

    private String delimiter(Exchange exchange) {
        String delimiter = exchange.getIn().getHeader(FeedHeaders.DELIMITER, String.class);
        return delimiter == null ? properties.delimiter() : delimiter;
    }
}
