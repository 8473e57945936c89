package io.esbridge.feed;

import java.nio.file.Path;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

import io.esbridge.mapping.MappingRegistry;
import io.esbridge.mapping.RecordMapper;
import io.esbridge.record.RecordType;

/**
 * Imports one file through the same route an inbox uses ({@code direct:feed-file}), without the inbox: for the
 * one-shot {@code import} command. Returns once every record of the file has an outcome. The file stays where it is;
 * its report and rejects go into {@code done/} beside it, or, when it could not be read (to its end), into
 * {@code failed/} beside it, with the note {@code <name>.error.txt} saying why, as in an inbox.
 */
@Component
public class FileImporter {

    /** What became of a file: its run, or why it was not imported. */
    public record Result(Path file, Optional<String> runId, String notImported) {}

    private final ProducerTemplate producer;
    private final MappingRegistry mappings;

    public FileImporter(ProducerTemplate producer, MappingRegistry mappings) {
        this.producer = producer;
        this.mappings = mappings;
    }

    public Result importFile(Path file, boolean again) {
        Exchange done = producer.send(FeedEndpoints.FILE, exchange -> {
            exchange.getIn().setBody(file.toFile());
            exchange.getIn().setHeader(Exchange.FILE_NAME, file.getFileName().toString());
            exchange.getIn().setHeader(FeedHeaders.REIMPORT, again);
        });
        if (done.getException() != null) {
            Exception error = done.getException();
            Path note = done.getProperty(FeedHeaders.FAILED_NOTE, Path.class);
            return new Result(
                    file,
                    Optional.empty(),
                    (error.getMessage() != null
                                    ? error.getMessage()
                                    : error.getClass().getSimpleName())
                            + (note == null ? "" : " (note: " + note + ")"));
        }
        String runId = done.getMessage().getHeader(FeedHeaders.RUN_ID, String.class);
        return runId == null
                ? new Result(file, Optional.empty(), "imported before (same content); use --again to import it again")
                : new Result(file, Optional.of(runId), null);
    }

    /** The record type a file's name maps to, to import plans before customers before subscriptions before add-ons. */
    public Optional<RecordType> typeOf(Path file) {
        return mappings.forFileName(file.getFileName().toString())
                .filter(RecordMapper.class::isInstance)
                .map(mapper -> ((RecordMapper) mapper).type());
    }
}
