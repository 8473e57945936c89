package io.esbridge.feed.read;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.esbridge.record.SourceRef;

/**
 * The objects of a JSON feed, one at a time: a top-level array (walked with Jackson's streaming parser, so a huge
 * array never sits in memory) or JSON Lines (one object per line; a broken line is a bad row, not a broken file), or
 * the array at a path inside one document (the mapping's {@code records: data.acct}, for an API answer such as
 * cPanel's {@code {"data":{"acct":[…]}}}: the parser skips what lies before it, unread into memory). Nested properties
 * become dotted paths ({@code address.city}, {@code phones[0]}, see {@link JsonTree}).
 */
public final class JsonFeedRows extends LookaheadFeedRows {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A password property in a line that is not JSON, so that a rejected line never shows it. */
    private static final Pattern SECRET_PROPERTY =
            Pattern.compile("(\"[^\"]*(?i:password)[^\"]*\"\\s*:\\s*)\"[^\"]*\"");

    /** Where each row comes from: file and line, or push and index. */
    public interface Positions {
        SourceRef of(long line, long index);
    }

    private final Positions positions;
    private final String name;
    private final BufferedReader reader;
    private final JsonParser array;

    private long lineNumber;

    public JsonFeedRows(InputStream in, Charset charset, String name, Positions positions) {
        this(in, charset, name, positions, null);
    }

    /**
     * @param records the dotted path of the array of records inside the document ({@code data.acct}), or
     *                {@code null} for a top-level array or JSON Lines
     */
    public JsonFeedRows(InputStream in, Charset charset, String name, Positions positions, String records) {
        this.positions = positions;
        this.name = name;
        this.reader = new BufferedReader(new InputStreamReader(
                in,
                charset.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)));
        try {
            int first = firstSignificant();
            if (records != null) {
                if (first != '{') {
                    throw new FeedUnreadableException(name + " is not one JSON object (it starts with "
                            + (first < 0 ? "nothing" : "'" + (char) first + "'") + "), so it has no " + records
                            + ", where the mapping's records setting looks for the records");
                }
                array = JSON.getFactory().createParser((Reader) reader);
                toRecords(array, records);
            } else if (first == '[') {
                array = JSON.getFactory().createParser((Reader) reader);
                array.nextToken();
            } else if (first == '{' || first < 0) {
                array = null;
            } else {
                throw new FeedUnreadableException(
                        name + " is neither a JSON array nor JSON Lines (it starts with '" + (char) first + "')");
            }
        } catch (IOException e) {
            throw new FeedUnreadableException(name + " cannot be read: " + safe(e), e);
        }
    }

    /**
     * Moves the parser to the array at {@code path}, skipping every other member unread (a big answer's other parts
     * cost no memory). A path the document does not have is an unreadable file, naming the part that is missing.
     */
    private void toRecords(JsonParser parser, String path) throws IOException {
        JsonToken token = parser.nextToken();
        String at = "";
        for (String segment : path.split("\\.")) {
            if (token != JsonToken.START_OBJECT) {
                throw notThere(path, at.isEmpty() ? "the document" : at, "is not a JSON object", parser);
            }
            at = at.isEmpty() ? segment : at + "." + segment;
            while (true) {
                token = parser.nextToken();
                if (token != JsonToken.FIELD_NAME) {
                    throw notThere(path, at, "is not in it", parser);
                }
                String field = parser.currentName();
                token = parser.nextToken();
                if (field.equals(segment)) {
                    break;
                }
                parser.skipChildren();
            }
        }
        if (token != JsonToken.START_ARRAY) {
            throw notThere(path, at, "is not a list (JSON array)", parser);
        }
    }

    private FeedUnreadableException notThere(String path, String at, String what, JsonParser parser) {
        return new FeedUnreadableException(
                name + " line " + parser.currentLocation().getLineNr() + ": " + at + " "
                        + what + "; the mapping's records setting (" + path + ") names where the records are: fix the"
                        + " setting, or give the answer that has them");
    }

    @Override
    protected SourcedRow readNext() {
        return array != null ? nextOfArray() : nextLine();
    }

    @Override
    protected void closeInput() throws IOException {
        if (array != null) {
            array.close();
        }
        reader.close();
    }

    private SourcedRow nextOfArray() {
        try {
            JsonToken token = array.nextToken();
            if (token == null || token == JsonToken.END_ARRAY) {
                return null;
            }
            SourceRef source = positions.of(array.currentTokenLocation().getLineNr(), read());
            JsonNode node = JSON.readTree(array);
            return row(source, node);
        } catch (IOException e) {
            JsonLocation where = array.currentLocation();
            throw new FeedUnreadableException(
                    name + " line " + where.getLineNr() + ", column "
                            + where.getColumnNr() + ": the JSON array cannot be read after element " + read() + ": "
                            + safe(e)
                            + "; the elements before it were read, the rest was not: fix the file there and import it"
                            + " again (what was applied stays unchanged)",
                    e);
        }
    }

    /**
     * Jackson's own message, without the tokens it quotes: an unquoted value ({@code "password": Secret1}) is an
     * "Unrecognized token 'Secret1'", and which property a broken value belongs to is not known.
     */
    static String safe(IOException e) {
        String message = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        return message == null
                ? e.getClass().getSimpleName()
                : QUOTED_TOKEN.matcher(message).replaceAll("(not shown)");
    }

    /** A quoted token of more than one character; Jackson quotes single characters as ('x' (code 120)). */
    private static final Pattern QUOTED_TOKEN = Pattern.compile("'[^']{2,}'");

    private SourcedRow nextLine() {
        try {
            String line;
            do {
                line = reader.readLine();
                lineNumber++;
            } while (line != null && line.isBlank());
            if (line == null) {
                return null;
            }
            SourceRef source = positions.of(lineNumber, read());
            try {
                return row(source, JSON.readTree(line));
            } catch (JsonProcessingException e) {
                return new SourcedRow(
                        source,
                        Map.of("line", SECRET_PROPERTY.matcher(line).replaceAll("$1\"******\"")),
                        "is not JSON: " + safe(e));
            }
        } catch (IOException e) {
            throw new FeedUnreadableException(
                    name + " cannot be read after line " + lineNumber + ": " + safe(e)
                            + "; the lines before it were read, the rest was not: fix the file there and import it again"
                            + " (what was applied stays unchanged)",
                    e);
        }
    }

    private static SourcedRow row(SourceRef source, JsonNode node) {
        return JsonTree.row(source, node, "a JSON object");
    }

    /** Skips a BOM and white space; the first significant character stays unread. */
    private int firstSignificant() throws IOException {
        while (true) {
            reader.mark(1);
            int c = reader.read();
            lineNumber += c == '\n' ? 1 : 0;
            if (c < 0 || (c != '\uFEFF' && !Character.isWhitespace(c))) {
                reader.reset();
                return c;
            }
        }
    }
}
