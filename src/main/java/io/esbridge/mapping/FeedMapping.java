package io.esbridge.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.esbridge.record.RecordType;

/**
 * A mapping as written in {@code config/mappings/*.yml}: how the rows of one feed become records of one type.
 * A source is a column (CSV), a dotted path (JSON: {@code address.city}, {@code $.address.city}) or a Camel simple
 * expression over the row ({@code ${body[first_name]} ${body[last_name]}}).
 */
public class FeedMapping {

    /** The name of the mapping: the file name without extension; inbox files starting with it use it. */
    public String name;
    /** For a file of several types: the column naming each row's type; {@link #types} maps it to a mapping. */
    public String typeColumn;
    /** Value of {@link #typeColumn} → name of the mapping for such rows. */
    public Map<String, String> types = new LinkedHashMap<>();
    /** The record type the rows become. */
    public RecordType type;
    /** Source of the billing key of each record. */
    public String key;
    /** Target field (e.g. {@code Email}) → source. */
    public Map<String, String> fields = new LinkedHashMap<>();
    /** Target field → fixed value, whatever the row says. */
    public Map<String, String> constants = new LinkedHashMap<>();
    /** Target field → value (or simple expression) when the source is empty. */
    public Map<String, String> defaults = new LinkedHashMap<>();
    /** Target field → (source value → target value); {@code "*"} matches any other value. */
    public Map<String, Map<String, String>> values = new LinkedHashMap<>();
    /**
     * The charset of this feed's files ({@code windows-1252}, {@code UTF-8}); unset, each file's is detected (a
     * byte order mark, else UTF-8 when it is valid UTF-8, else ICU4J's guess, else windows-1252). A route's
     * {@code EsFeedCharset} header wins over it, and it over {@code es.feeds.charset}.
     */
    public String charset;
    /**
     * Where the records are inside one document, for an API answer that wraps them: a JSON path to the array
     * ({@code data.acct}, cPanel's {@code listaccts}), the XML element path from the root of the record elements
     * ({@code packet.customer.get.result}, Plesk), or which entries of a {@code .tar.gz} of {@code key=value} files
     * are records (a glob: {@code **}{@code /user.conf}, DirectAdmin). Unset: a JSON file is an array or JSON Lines,
     * an XML file's records are its root's children, and every file of an archive is one.
     */
    public String records;
    /**
     * The name of a second mapping each row is also mapped by, its record handed on right after this one's: a panel
     * export's account row is a customer and its space ({@code cpanel-2-listaccts} → {@code cpanel-3-spaces}).
     */
    public String also;
    /**
     * Every value of the row is decoded from HTML entities ({@code &amp;amp;}, {@code &amp;#228;}) before it is mapped:
     * for sources that store text as a web form escaped it (WHMCS), which the panel would otherwise show escaped.
     */
    public boolean htmlEntities;
    /** Source columns whose values never appear in reports (columns named like "password" are always masked). */
    public List<String> secrets = new ArrayList<>();
    /** Target fields the type requires that this feed may leave empty (e.g. Password for exports without one). */
    public List<String> optional = new ArrayList<>();
    /**
     * Accepted date formats ({@link java.time.format.DateTimeFormatter} patterns), tried in order. Dates are read
     * strictly: one the calendar does not have ({@code 2024-02-31}) is refused, never moved to the month's end, and
     * so is one outside SQL Server's {@code datetime} (before 1753-01-01), which the panel cannot store.
     * {@code yyyy} is read as {@code uuuu} (the proleptic year) unless the pattern has an era ({@code G}).
     */
    public List<String> dateFormats = new ArrayList<>(List.of("uuuu-MM-dd['T'][' ']HH:mm[:ss]", "uuuu-MM-dd"));
}
