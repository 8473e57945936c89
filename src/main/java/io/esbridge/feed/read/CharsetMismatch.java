package io.esbridge.feed.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Says where a file stops being text in the charset it is read in. The readers only learn that a decoder failed,
 * somewhere in the buffer they had filled; the operator needs the line and byte, and the setting to change. So the
 * file is decoded once more from its start, only when it failed, to find the first byte that does not fit.
 */
public final class CharsetMismatch {

    /** The first byte that is not text in the charset: its offset in the file, its line, and its value. */
    public record Where(long line, long offset, int value) {
        @Override
        public String toString() {
            return "line " + line + " (byte " + offset + " of the file, 0x" + String.format("%02X", value) + ")";
        }
    }

    private CharsetMismatch() {}

    /** Whether {@code failure} is a decoding failure (the text is not in the charset it is read in). */
    public static boolean isDecoding(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof CharacterCodingException) {
                return true;
            }
        }
        return false;
    }

    /**
     * The failure of reading {@code file} as {@code charset}, restated: where the text does not fit, which charset it
     * was read in and why, and what to change. Other failures are answered unchanged.
     */
    public static FeedUnreadableException explain(FeedUnreadableException failure, Path file, FeedCharset charset) {
        if (!isDecoding(failure)) {
            return failure;
        }
        String where;
        try {
            where = locate(file, charset).map(Where::toString).orElse("somewhere after the rows read");
        } catch (IOException e) {
            where = "somewhere after the rows read (" + e.getMessage() + ")";
        }
        return new FeedUnreadableException(
                file.getFileName() + " is not " + charset.name() + " text from " + where
                        + ", and " + charset.name() + " is what " + charset.from() + " says; " + charset.change()
                        + " (most older billing systems write windows-1252), then import it again",
                failure);
    }

    /**
     * The failure of reading a push as {@code charset} after {@code read} records, restated; a push cannot be read
     * again to find the byte, but what to change is the same.
     */
    public static FeedUnreadableException explainPush(FeedUnreadableException failure, long read, FeedCharset charset) {
        if (!isDecoding(failure)) {
            return failure;
        }
        return new FeedUnreadableException(
                "the push is not " + charset.name() + " text after record " + read + ", and " + charset.name()
                        + " is what " + charset.from() + " says; " + charset.change(),
                failure);
    }

    /** {@code rows}, whose failures are restated by {@code explain} (the readers fail from {@code hasNext/next}). */
    public static FeedRows explaining(FeedRows rows, UnaryOperator<FeedUnreadableException> explain) {
        return new ForwardingFeedRows(rows) {
            @Override
            public boolean hasNext() {
                try {
                    return super.hasNext();
                } catch (FeedUnreadableException e) {
                    throw explain.apply(e);
                }
            }

            @Override
            public SourcedRow next() {
                try {
                    return super.next();
                } catch (FeedUnreadableException e) {
                    throw explain.apply(e);
                }
            }
        };
    }

    /** The first byte of {@code file} that is not text in the charset, if any. */
    static Optional<Where> locate(Path file, FeedCharset charset) throws IOException {
        CharsetDecoder decoder = charset.charset()
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(64 * 1024);
        CharBuffer out = CharBuffer.allocate(64 * 1024);
        long consumed = 0;
        long line = 1;
        try (InputStream stream = Files.newInputStream(file)) {
            boolean end = false;
            while (!end) {
                int n = stream.read(in.array(), in.position(), in.remaining());
                end = n < 0;
                in.position(in.position() + Math.max(n, 0)).flip();
                while (true) {
                    int before = in.position();
                    CoderResult result = decoder.decode(in, out, end);
                    consumed += in.position() - before;
                    line += newlines(out.flip());
                    out.clear();
                    if (result.isError()) {
                        return Optional.of(new Where(line, consumed, in.get(in.position()) & 0xFF));
                    }
                    if (result.isUnderflow()) {
                        break;
                    }
                }
                in.compact();
            }
        }
        return Optional.empty();
    }

    private static int newlines(CharBuffer chars) {
        int count = 0;
        while (chars.hasRemaining()) {
            count += chars.get() == '\n' ? 1 : 0;
        }
        return count;
    }
}
