package io.esbridge.feed;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

import io.esbridge.feed.read.CountingInputStream;
import io.esbridge.feed.read.FeedRows;

/**
 * How far the reader of each file run in progress has got, for the import command's progress line: a streamed file's
 * row count is known only at its end, but its size is known at once, and bytes read against rows read estimate it.
 */
@Component
public class ReadPositions {

    /** Bytes of the file read so far, and rows handed on from them. */
    public record Position(long bytes, long rows) {}

    private final Map<String, Supplier<Position>> open = new ConcurrentHashMap<>();

    void track(String runId, CountingInputStream in, FeedRows rows) {
        open.put(runId, () -> new Position(in.count(), rows.read()));
    }

    void forget(String runId) {
        open.remove(runId);
    }

    /** Where the reader of a file run stands; empty once the run is closed, and for runs that read no file. */
    public Optional<Position> of(String runId) {
        return Optional.ofNullable(open.get(runId)).map(Supplier::get);
    }
}
