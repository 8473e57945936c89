package io.esbridge.feed.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;

/**
 * The charset of a file no setting names one for. Older billing systems write Latin-1 or Windows-1252; read as
 * UTF-8, every accented name made the whole file unreadable. In order: a byte order mark; else UTF-8 if the first
 * {@link #SAMPLE} bytes are strict UTF-8 (ASCII is); else ICU4J's {@link CharsetDetector} when it is confident; else
 * windows-1252, which decodes any Western European text. Content that is not text at all (control bytes) is refused
 * here, with how much of it there is, rather than decoded into a header row of garbage.
 */
public final class CharsetDetection {

    /** How much of a file is looked at: enough for any header and thousands of rows, little to read twice. */
    static final int SAMPLE = 4 * 1024 * 1024;
    /** Below this ICU4J guesses (short samples score low on every charset): windows-1252 is the safer guess. */
    private static final int CONFIDENT = 50;

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final String CHANGE = "set the mapping's charset (config/mappings), the route's EsFeedCharset"
            + " header or es.feeds.charset to the file's charset";

    private CharsetDetection() {}

    /** The charset of {@code file}. @throws FeedUnreadableException when the file holds no text */
    public static FeedCharset of(Path file) throws IOException {
        byte[] sample;
        try (InputStream in = Files.newInputStream(file)) {
            sample = in.readNBytes(SAMPLE);
        }
        String name = file.getFileName().toString();
        Optional<Charset> bom = byteOrderMark(sample);
        if (bom.isPresent()) {
            return new FeedCharset(bom.get(), "detected: byte order mark", CHANGE, false);
        }
        if (isUtf8(sample, sample.length < SAMPLE)) {
            return new FeedCharset(
                    StandardCharsets.UTF_8,
                    sample.length < SAMPLE ? "detected: valid UTF-8" : "detected: its first 4 MB are valid UTF-8",
                    CHANGE,
                    false);
        }
        refuseBinary(name, sample);
        CharsetMatch match = new CharsetDetector().setText(sample).detect();
        if (match != null && match.getConfidence() >= CONFIDENT && Charset.isSupported(match.getName())) {
            Charset detected = Charset.forName(match.getName());
            // ICU names Latin-1 for Western text without bytes 0x80-0x9F; windows-1252 reads the same text, and
            // also the curly quotes and euro signs the same systems write there
            Charset read = detected.equals(StandardCharsets.ISO_8859_1) ? WINDOWS_1252 : detected;
            return new FeedCharset(
                    read,
                    "detected: not UTF-8; ICU4J says " + match.getName() + " (confidence " + match.getConfidence()
                            + ")",
                    CHANGE,
                    false);
        }
        return new FeedCharset(
                WINDOWS_1252, "detected: not UTF-8, no confident guess; windows-1252 assumed", CHANGE, false);
    }

    private static Optional<Charset> byteOrderMark(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return Optional.of(StandardCharsets.UTF_8);
        }
        if (b.length >= 4 && b[0] == 0 && b[1] == 0 && (b[2] & 0xFF) == 0xFE && (b[3] & 0xFF) == 0xFF) {
            return Optional.of(Charset.forName("UTF-32BE"));
        }
        if (b.length >= 4 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE && b[2] == 0 && b[3] == 0) {
            return Optional.of(Charset.forName("UTF-32LE"));
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return Optional.of(StandardCharsets.UTF_16BE);
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return Optional.of(StandardCharsets.UTF_16LE);
        }
        return Optional.empty();
    }

    /** Strict UTF-8; a sequence cut by the end of a sample that is not the whole file does not count against it. */
    private static boolean isUtf8(byte[] sample, boolean wholeFile) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(sample);
        CharBuffer out = CharBuffer.allocate(64 * 1024);
        while (true) {
            CoderResult result = decoder.decode(in, out, wholeFile);
            if (result.isError()) {
                return false;
            }
            if (result.isUnderflow()) {
                return !wholeFile || decoder.flush(out).isUnderflow();
            }
            out.clear();
        }
    }

    /**
     * A text feed has hardly any C0 control bytes (a stray NUL in a field is that record's problem); one in twenty
     * bytes is a binary file (an image, an archive, a spreadsheet saved as .xlsx) named .csv or .json.
     */
    private static void refuseBinary(String name, byte[] sample) {
        int controls = 0;
        int first = -1;
        for (int i = 0; i < sample.length; i++) {
            int b = sample[i] & 0xFF;
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
                controls++;
                first = first < 0 ? i : first;
            }
        }
        if (controls > 0 && controls * 20L >= sample.length) {
            throw new FeedUnreadableException(name + " is not a text file: " + controls + " of its first "
                    + sample.length + " bytes are control characters (the first at byte " + first + "); export the"
                    + " feed as CSV or JSON text and import that file");
        }
    }
}
