package io.esbridge.feed.read;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes taken from a stream, so that how far a reader has got in a file can be shown while it reads (the
 * readers' buffers run a few kilobytes ahead of the row they hand out). Read by another thread, hence volatile; only
 * the reading thread writes it.
 */
public final class CountingInputStream extends FilterInputStream {

    private volatile long count;

    public CountingInputStream(InputStream in) {
        super(in);
    }

    /** Bytes read or skipped so far. */
    public long count() {
        return count;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count++;
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        count += skipped;
        return skipped;
    }

    /** Counting cannot go back: the readers never mark the stream itself, only their own buffers. */
    @Override
    public boolean markSupported() {
        return false;
    }
}
