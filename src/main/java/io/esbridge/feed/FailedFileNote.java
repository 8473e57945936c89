package io.esbridge.feed;

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
 * it there (the file route's {@code moveFailed} puts the file itself in {@code failed/}).
 */
@Component("failedFileNote")
public class FailedFileNote implements Processor {

    @Override
    public void process(Exchange exchange) throws IOException {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (failure == null) {
            failure = exchange.getException();
        }
        String parent = exchange.getIn().getHeader(Exchange.FILE_PARENT, String.class);
        String name = exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        Path folder = Path.of(parent, "failed");
        Files.createDirectories(folder);
        String runId = exchange.getProperty(FeedHeaders.RUN_ID, String.class);
        String note = name + " was not imported (" + OffsetDateTime.now() + ")" + System.lineSeparator()
                + (failure == null ? "unknown reason" : failure.getMessage()) + System.lineSeparator()
                + (runId == null ? "No record was read." : "Records read before the failure belong to run " + runId
                        + ".") + System.lineSeparator();
        Files.writeString(folder.resolve(name + ".error.txt"), note, StandardCharsets.UTF_8);
    }
}
