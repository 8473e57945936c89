package io.esbridge.feed.push;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

import org.springframework.stereotype.Component;

import io.esbridge.feed.FeedProperties;

/**
 * Keeps an asynchronous push's body in a file of {@code es.feeds.push.spool}: the request stream is gone once the
 * caller has its answer, and the push is read later. The file goes when the reader closes it (on Linux already when it
 * is opened: only the open stream holds it, so a process that dies leaves nothing behind).
 */
@Component
class PushSpool {

    private final Path folder;

    PushSpool(FeedProperties properties) {
        this.folder = properties.push().spool();
    }

    /** The whole body, read from the request now, to be read again from the returned stream. */
    InputStream keep(InputStream body) throws IOException {
        Files.createDirectories(folder);
        Path file = Files.createTempFile(folder, "push-", ".json");
        try {
            Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
            return Files.newInputStream(file, StandardOpenOption.DELETE_ON_CLOSE);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }
}
