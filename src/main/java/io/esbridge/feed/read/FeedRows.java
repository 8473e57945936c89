package io.esbridge.feed.read;

import java.io.Closeable;
import java.util.Iterator;

/** The rows of one feed, read lazily (one at a time, never the whole file), counting how many were read. */
public interface FeedRows extends Iterator<SourcedRow>, Closeable {

    /** Rows handed out so far. */
    long read();
}
