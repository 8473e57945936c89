package io.esbridge.feed.read;

import java.io.IOException;

/** {@link FeedRows} that hand everything to other rows: a decorator overrides only what it changes. */
public abstract class ForwardingFeedRows implements FeedRows {

    protected final FeedRows rows;

    protected ForwardingFeedRows(FeedRows rows) {
        this.rows = rows;
    }

    @Override
    public boolean hasNext() {
        return rows.hasNext();
    }

    @Override
    public SourcedRow next() {
        return rows.next();
    }

    @Override
    public long read() {
        return rows.read();
    }

    @Override
    public void close() throws IOException {
        rows.close();
    }
}
