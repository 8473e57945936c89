package io.esbridge.feed;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

/**
 * Writes {@code failed/<file>.error.txt} beside a file that could not be read, saying why, for the operator who finds
 * it there: in the inbox the file route's {@code moveFailed} puts the file itself in {@code failed/}; the one-shot
 * {@code import} leaves the file where it is and the note goes into a {@code failed/} folder beside it. Where the
 * note went is left in the property {@link FeedHeaders#FAILED_NOTE}.
 */
@Component
public class FailedFileNote implements Processor {

    @Override
    public void process(Exchange exchange) throws IOException {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (failure == null) {
            failure = exchange.getException();
        }
        // the file consumer sets these headers; the import command hands the file over without them, and a note
        // that fails on their absence replaced the reason with a NullPointerException
        File file = exchange.getIn().getBody(File.class);
        String parent = exchange.getIn().getHeader(Exchange.FILE_PARENT, String.class);
        String name = exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        if (parent == null) {
            parent = file.getAbsoluteFile().getParent();
        }
        if (name == null) {
            name = file.getName();
        }
        Path folder = Path.of(parent, "failed");
        Files.createDirectories(folder);
        String runId = exchange.getProperty(FeedHeaders.RUN_ID, String.class);
        String note = name + " was not imported (" + OffsetDateTime.now() + ")" + System.lineSeparator()
                + (failure == null ? "unknown reason" : failure.getMessage()) + System.lineSeparator()
                + (runId == null
                        ? "No record was read."
                        : "Records read before the failure belong to run " + runId + ".")
                + System.lineSeparator();
        Path written = folder.resolve(name + ".error.txt");
        Files.writeString(written, note, StandardCharsets.UTF_8);
        exchange.setProperty(FeedHeaders.FAILED_NOTE, written);
    }
}
