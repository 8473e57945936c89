package io.esbridge.feed;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.springframework.stereotype.Component;

import io.esbridge.feed.read.FeedUnreadableException;

/**
 * A dropped file, handed over by an inbox route of {@code routes/*.yaml}: imported once (by content digest), read row
 * by row as one run, every row to {@code direct:feed-record}. A file that cannot be read fails, so that the inbox
 * route moves it to {@code failed/}, with a note saying why.
 */
@Component
public class FileDropImportRoutes extends RouteBuilder {

    private static final DateTimeFormatter DONE_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final FailedFileNote failedFileNote;
    private final FileDigest digest;
    private final JdbcMessageIdRepository importedFiles;
    private final FeedRuns runs;

    public FileDropImportRoutes(
            FailedFileNote failedFileNote, FileDigest digest, JdbcMessageIdRepository importedFiles, FeedRuns runs) {
        this.failedFileNote = failedFileNote;
        this.digest = digest;
        this.importedFiles = importedFiles;
        this.runs = runs;
    }

    @Override
    public void configure() {
        from(FeedEndpoints.FILE)
                .routeId("feed-file")
                .onException(FeedUnreadableException.class, IllegalArgumentException.class)
                .handled(false)
                // the line below says which file and why; the error handler's stack trace said it again in
                // 140 lines, on the console of every import of an unreadable file
                .logExhausted(false)
                .log(LoggingLevel.WARN, "${header.CamelFileName} not imported: ${exception.message}")
                .process(failedFileNote)
                .end()
                // the name the inbox route moves the file to (move: done/${header.EsFeedDoneName}); the report and
                // rejects file are written beside it under the same name
                .process(exchange -> {
                    if (exchange.getIn().getHeader(FeedHeaders.DONE_NAME) == null) {
                        exchange.getIn()
                                .setHeader(
                                        FeedHeaders.DONE_NAME,
                                        LocalDateTime.now().format(DONE_STAMP) + "-"
                                                + exchange.getIn().getHeader(Exchange.FILE_NAME, String.class));
                    }
                })
                .process(digest)
                // eager(false): the digest is recorded only once the import completed; recorded at the start, a
                // process killed mid-import left its file "imported" and a restart skipped its remaining records
                .idempotentConsumer(header(FeedHeaders.DIGEST))
                .idempotentRepository(importedFiles)
                .eager(false)
                .skipDuplicate(false)
                .filter(exchangeProperty(Exchange.DUPLICATE_MESSAGE))
                .log(
                        LoggingLevel.WARN,
                        "${header.CamelFileName} was imported before (same content); skipped."
                                + " To import it again, drop it as " + FeedHeaders.REIMPORT_PREFIX
                                + "${header.CamelFileName}")
                .stop()
                .end()
                .process(runs::openFile)
                .log("${header.CamelFileName}: run ${header." + FeedHeaders.RUN_ID + "}")
                .split(exchangeProperty(FeedHeaders.ROWS))
                .streaming()
                .to(FeedEndpoints.RECORD)
                .end()
                .process(runs::finish)
                .log("${header.CamelFileName}: ${header." + FeedHeaders.RECORDS_READ + "} records handed on")
                .end();
    }
}
