package io.esbridge.feed.read;

import java.io.IOException;
import java.util.NoSuchElementException;

/**
 * Rows read one record ahead, for the readers that find their records one at a time (JSON, XML, key=value files): the
 * look-ahead, the count of records read and the unreadable rest, written once. A record that cannot be read is not
 * thrown from {@link #hasNext()}, which Camel's streaming split calls before it processes the row it already holds,
 * but from the following {@link #next()}: the rows before it are provisioned, and the run learns where and why.
 */
abstract class LookaheadFeedRows implements FeedRows {

    private SourcedRow next;
    /** Read to the end or closed: Camel's splitter may ask again after closing the rows it iterated. */
    private boolean finished;

    private FeedUnreadableException unreadable;
    /** Read by the progress line's thread too. */
    private volatile long read;

    /** The next record, or null at the end of the input. */
    protected abstract SourcedRow readNext();

    /** Closes what the records are read from. */
    protected abstract void closeInput() throws IOException;

    @Override
    public final boolean hasNext() {
        if (unreadable != null) {
            return true;
        }
        if (next == null && !finished) {
            try {
                next = readNext();
            } catch (FeedUnreadableException e) {
                unreadable = e;
                return true;
            }
            finished = next == null;
        }
        return next != null;
    }

    @Override
    public final SourcedRow next() {
        if (unreadable != null) {
            throw unreadable;
        }
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        SourcedRow row = next;
        next = null;
        read++;
        return row;
    }

    @Override
    public final long read() {
        return read;
    }

    @Override
    public final void close() throws IOException {
        finished = true;
        closeInput();
    }
}
