package io.esbridge.feed.read;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import io.esbridge.record.SourceRef;

/**
 * The rows of a CSV file with a header row, streamed with commons-csv. Delimiter {@code , ; tab} (detected from the
 * header when not configured), quoted fields with delimiters and line breaks, CRLF or LF, a UTF-8 BOM skipped. Bytes
 * that are not text in the configured charset make the file unreadable rather than turn into replacement characters.
 */
public final class CsvFeedRows implements FeedRows {

    private static final int HEADER_PEEK = 64 * 1024;

    private final String fileName;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> header;
    private long lastLine;
    /** Read by the progress line's thread too. */
    private volatile long read;
    /** Camel's splitter may ask again after closing the rows it iterated. */
    private boolean closed;

    /**
     * @param delimiter   {@code null} or empty to detect it from the header row
     * @param keyColumn   a column every file of this feed has (the billing key), or {@code null}
     */
    public CsvFeedRows(InputStream in, Charset charset, String delimiter, String fileName, String keyColumn) {
        this.fileName = fileName;
        BufferedReader reader = new BufferedReader(new InputStreamReader(
                in,
                charset.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)));
        List<String> names;
        try {
            skipByteOrderMark(reader);
            char separator = delimiter == null || delimiter.isEmpty() ? detect(reader) : unescape(delimiter);
            // the header row is read as a row, not by commons-csv's setHeader(): its complaints quote the row, and
            // a file without a header row has a customer's values there, password included
            CSVFormat format = CSVFormat.RFC4180
                    .builder()
                    .setDelimiter(separator)
                    .setIgnoreEmptyLines(true)
                    .get();
            parser = format.parse(reader);
            records = parser.iterator();
            names = records.hasNext() ? records.next().toList() : null;
        } catch (IOException | IllegalArgumentException | UncheckedIOException | IllegalStateException e) {
            close(reader);
            throw new FeedUnreadableException(fileName + " has no readable CSV header row: " + reason(e), e);
        }
        String problem = headerProblem(names, keyColumn);
        if (problem != null) {
            close(reader);
            throw new FeedUnreadableException(fileName + " " + problem);
        }
        header = names;
        lastLine = parser.getCurrentLineNumber();
    }

    /**
     * What keeps the first row from being this feed's header row, or {@code null}. Never quotes the row: when it is
     * not the header, it is a record, and which of its values is a password is not known.
     */
    private static String headerProblem(List<String> names, String keyColumn) {
        String needs = keyColumn == null
                ? "a header row naming its columns"
                : "a header row naming the column '" + keyColumn + "' that the mapping reads the billing key from";
        if (names == null) {
            return "is empty: it has no header row and no records; a file of this feed starts with " + needs;
        }
        String fields = names.size() == 1 ? "1 field" : names.size() + " fields";
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).isBlank()) {
                return "has no usable header row: its first row has " + fields + " and field " + (i + 1)
                        + " is empty, where a header row names every column; a file of this feed starts with "
                        + needs + " (its values are not shown: if that row is a record, they may hold a password)";
            }
        }
        if (keyColumn != null && !names.contains(keyColumn)) {
            return "has no header row with the column '" + keyColumn + "': its first row has " + fields
                    + ", none of them named '" + keyColumn + "'; a file of this feed starts with " + needs
                    + " (its values are not shown: if that row is a record, they may hold a password)";
        }
        return null;
    }

    private FeedUnreadableException unreadable;

    @Override
    public boolean hasNext() {
        if (closed) {
            return false;
        }
        if (unreadable != null) {
            return true;
        }
        try {
            return records.hasNext();
        } catch (UncheckedIOException | IllegalStateException e) {
            // Camel's streaming split asks hasNext() before it processes the row it holds: thrown here, that row
            // would be counted as read and never processed. The failure is thrown by the next call of next().
            unreadable = new FeedUnreadableException(
                    fileName + " cannot be read after line " + lastLine + ": " + reason(e), e);
            return true;
        }
    }

    @Override
    public SourcedRow next() {
        if (unreadable != null) {
            throw unreadable;
        }
        CSVRecord record;
        try {
            record = records.next();
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new FeedUnreadableException(
                    fileName + " cannot be read after line " + lastLine + ": " + reason(e), e);
        }
        // blank lines are skipped, so a record starts on the first non-blank line after the previous one; counting
        // from the previous record's end is exact for files without blank lines, which feeds are
        SourceRef source = SourceRef.fileLine(fileName, lastLine + 1);
        lastLine = parser.getCurrentLineNumber();
        read++;
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < header.size() && i < record.size(); i++) {
            values.put(header.get(i), record.get(i));
        }
        String problem = record.size() == header.size()
                ? null
                : "has " + record.size() + " fields where the header has " + header.size();
        return new SourcedRow(source, values, problem);
    }

    @Override
    public long read() {
        return read;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        parser.close();
    }

    private static void skipByteOrderMark(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
    }

    /** The one of {@code , ; tab} the header row holds most of, outside quotes. */
    private static char detect(BufferedReader reader) throws IOException {
        reader.mark(HEADER_PEEK);
        int comma = 0;
        int semicolon = 0;
        int tab = 0;
        boolean quoted = false;
        for (int i = 0, c = reader.read(); c >= 0 && i < HEADER_PEEK - 1; i++, c = reader.read()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted) {
                comma += c == ',' ? 1 : 0;
                semicolon += c == ';' ? 1 : 0;
                tab += c == '\t' ? 1 : 0;
            }
        }
        reader.reset();
        if (tab > comma && tab > semicolon) {
            return '\t';
        }
        return semicolon > comma ? ';' : ',';
    }

    private static char unescape(String delimiter) {
        return switch (delimiter) {
            case "\\t", "tab", "TAB" -> '\t';
            default -> delimiter.charAt(0);
        };
    }

    private static String reason(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause != cause.getCause()) {
            if (cause instanceof CharacterCodingException) {
                break;
            }
            cause = cause.getCause();
        }
        if (cause instanceof CharacterCodingException) {
            return "it is not text in the configured encoding (" + cause + ")";
        }
        return String.valueOf(cause.getMessage());
    }

    private static void close(BufferedReader reader) {
        try {
            reader.close();
        } catch (IOException e) {
            // the file is unreadable already; the first failure is the one worth reporting
        }
    }
}
