package io.esbridge.mapping;

import java.nio.charset.Charset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Expression;
import org.apache.camel.support.DefaultExchange;
import org.springframework.web.util.HtmlUtils;

import io.esbridge.catalogue.FieldLengths;
import io.esbridge.record.ProvisioningRecord;
import io.esbridge.record.RecordType;

/**
 * One mapping, compiled: sources resolved to column look-ups or Camel simple expressions once, then applied to every
 * row. Applying it answers a record or throws a {@link FieldRejection}.
 */
public final class RecordMapper implements FeedMapper {

    private static final String ANY = "*";

    private final FeedMapping mapping;
    private final CamelContext camel;
    private final Source key;
    private final Map<String, Source> fields = new LinkedHashMap<>();
    private final Map<String, Source> constants = new LinkedHashMap<>();
    private final Map<String, Source> defaults = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> values = new HashMap<>();
    private final List<DateTimeFormatter> dateFormats;
    private final List<FieldLengths.Limit> lengths;
    private RecordMapper also;

    /** A mapping validating field lengths against the panels' own column sizes. */
    public RecordMapper(FeedMapping mapping, CamelContext camel) {
        this(mapping, camel, FieldLengths.defaults());
    }

    public RecordMapper(FeedMapping mapping, CamelContext camel, FieldLengths lengths) {
        this.mapping = mapping;
        this.camel = camel;
        if (mapping.type == null || mapping.key == null) {
            throw new IllegalArgumentException("mapping " + mapping.name + " needs a type and a key");
        }
        Set<String> known = TargetFields.KNOWN.get(mapping.type);
        for (String target : concat(
                mapping.fields.keySet(),
                mapping.constants.keySet(),
                mapping.defaults.keySet(),
                mapping.values.keySet())) {
            if (!known.contains(target)) {
                throw new IllegalArgumentException("mapping " + mapping.name + ": " + mapping.type + " has no field "
                        + target + " (known: " + known + ")");
            }
        }
        key = source(mapping.key, true);
        mapping.fields.forEach((target, spec) -> fields.put(target, source(spec, true)));
        mapping.constants.forEach((target, spec) -> constants.put(target, source(spec, false)));
        mapping.defaults.forEach((target, spec) -> defaults.put(target, source(spec, false)));
        mapping.values.forEach((target, map) -> {
            Map<String, String> lower = new HashMap<>();
            map.forEach((from, to) -> lower.put(from.strip().toLowerCase(Locale.ROOT), to));
            values.put(target, lower);
        });
        dateFormats =
                mapping.dateFormats.stream().map(RecordMapper::strictDateFormat).toList();
        this.lengths = lengths.of(mapping.type);
    }

    /**
     * A date format that refuses dates the calendar does not have ({@code 2024-02-31}, {@code 2023-02-29}) instead of
     * moving them to the month's last day. {@code y} (year of era, which strict resolving accepts only together with
     * an era {@code G}) is read as {@code u}, the proleptic year, so that mappings may keep writing {@code yyyy}.
     */
    static DateTimeFormatter strictDateFormat(String pattern) {
        // English month and day names (cPanel's "19 Mar 14 09:12", DirectAdmin's "Thu Mar 14 09:12:00 2019"): the
        // machine's locale would make the same export readable on one server and refused on the next
        return DateTimeFormatter.ofPattern(pattern.indexOf('G') >= 0 ? pattern : prolepticYear(pattern), Locale.ENGLISH)
                .withResolverStyle(ResolverStyle.STRICT);
    }

    /** The pattern with every {@code y} outside quoted text replaced by {@code u}. */
    private static String prolepticYear(String pattern) {
        StringBuilder out = new StringBuilder(pattern.length());
        boolean quoted = false;
        for (char c : pattern.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
            }
            out.append(!quoted && c == 'y' ? 'u' : c);
        }
        return out.toString();
    }

    @Override
    public String name() {
        return mapping.name;
    }

    @Override
    public Optional<Charset> charset() {
        return Optional.ofNullable(mapping.charset).map(Charset::forName);
    }

    @Override
    public Optional<String> records() {
        return Optional.ofNullable(mapping.records).map(String::strip).filter(records -> !records.isEmpty());
    }

    @Override
    public RecordMapper mapperFor(Map<String, String> row) {
        return this;
    }

    /** The mapping this one's rows are also mapped by (its {@code also}), if it names one. */
    public Optional<RecordMapper> also() {
        return Optional.ofNullable(also);
    }

    /** Set once by the registry, when every mapping is compiled. */
    void also(RecordMapper second) {
        this.also = second;
    }

    /** The name of the mapping its {@code also} names, or {@code null}. */
    String alsoName() {
        return mapping.also;
    }

    @Override
    public Collection<String> secrets() {
        return mapping.secrets;
    }

    public RecordType type() {
        return mapping.type;
    }

    /** The column the key is read from, when it is a plain column: a file without it cannot be this feed. */
    @Override
    public String requiredColumn() {
        return key.column;
    }

    /** The billing key of a row, or {@code null} when it has none or one too long to be kept. */
    public String key(Map<String, String> row) {
        String value = key.read(new Row(row));
        return value == null || value.length() > FieldLengths.BILLING_KEY ? null : value;
    }

    /** Maps and checks one row. @throws FieldRejection naming the field, value and reason */
    public ProvisioningRecord map(Map<String, String> row) {
        Row values = new Row(row);
        String billingKey = key.read(values);
        if (billingKey == null) {
            throw new FieldRejection(mapping.key, null, "the billing key is empty");
        }
        if (billingKey.length() > FieldLengths.BILLING_KEY) {
            throw new FieldRejection(mapping.key, billingKey, MappedFields.tooLongForBillingKeys(billingKey));
        }
        Map<String, String> mapped = new HashMap<>();
        for (String target : TargetFields.KNOWN.get(mapping.type)) {
            String value = resolve(target, values);
            if (value != null) {
                mapped.put(target, value);
            }
        }
        MappedFields f = new MappedFields(mapped, mapping.optional, dateFormats, mapping.secrets, lengths);
        return RecordFactory.build(mapping.type, billingKey, f);
    }

    private String resolve(String target, Row row) {
        Source constant = constants.get(target);
        if (constant != null) {
            return constant.read(row);
        }
        Source field = fields.get(target);
        String value = field == null ? null : field.read(row);
        if (value == null && defaults.containsKey(target)) {
            value = defaults.get(target).read(row);
        }
        Map<String, String> map = values.get(target);
        if (value == null || map == null) {
            return value;
        }
        String to = map.get(value.toLowerCase(Locale.ROOT));
        if (to == null) {
            to = map.get(ANY);
        }
        if (to == null) {
            String shown = Secrets.isSecret(target, mapping.secrets) ? Secrets.MASK : value;
            throw new FieldRejection(
                    target,
                    shown,
                    "is not a known value (known: "
                            + String.join(", ", mapping.values.get(target).keySet()) + ")");
        }
        // mapped to nothing ("*": "") is no value, as an empty column is: an OwnerId that only admin's rows have
        return blankToNull(to);
    }

    /**
     * A source: a column / JSON path, a simple expression (anything holding {@code ${}}), or for constants and
     * defaults, a literal.
     */
    private Source source(String spec, boolean column) {
        if (spec.contains("${")) {
            return new Source(null, null, camel.resolveLanguage("simple").createExpression(spec));
        }
        if (!column) {
            return new Source(null, spec, null);
        }
        return new Source(spec.startsWith("$.") ? spec.substring(2) : spec, null, null);
    }

    private final class Source {
        private final String column;
        private final String literal;
        private final Expression expression;

        Source(String column, String literal, Expression expression) {
            this.column = column;
            this.literal = literal;
            this.expression = expression;
        }

        String read(Row row) {
            String value;
            if (column != null) {
                value = lookUp(row.values, column);
            } else if (literal != null) {
                value = literal;
            } else {
                value = expression.evaluate(row.exchange(), String.class);
            }
            return blankToNull(value);
        }
    }

    /** A row being mapped, with the one exchange its expressions are evaluated on, made when first needed. */
    private final class Row {
        private final Map<String, String> values;
        private Exchange exchange;

        Row(Map<String, String> values) {
            this.values = mapping.htmlEntities ? decoded(values) : values;
        }

        Exchange exchange() {
            if (exchange == null) {
                exchange = new DefaultExchange(camel);
                exchange.getIn().setBody(new EmptyForMissing(values));
            }
            return exchange;
        }
    }

    /**
     * The row as expressions see it: a missing column or JSON null reads as empty text, so that
     * {@code ${body[email].trim()}} works on every row and an empty result means "no value".
     */
    private static final class EmptyForMissing extends java.util.AbstractMap<String, String> {
        private final Map<String, String> row;

        EmptyForMissing(Map<String, String> row) {
            this.row = row;
        }

        @Override
        public String get(Object column) {
            String value = column instanceof String path ? lookUp(row, path) : null;
            return value == null ? "" : value;
        }

        @Override
        public Set<Entry<String, String>> entrySet() {
            return row.entrySet();
        }
    }

    /**
     * A column or path's value. XML does not say whether an element is a list: {@code plan[0]} of an answer with two
     * plans is {@code plan} in one with a single plan. So a path with {@code [0]} that the row lacks is looked up
     * again without it (each {@code [0]} in turn), and one mapping reads both answers.
     */
    static String lookUp(Map<String, String> row, String path) {
        String value = row.get(path);
        if (value != null || row.containsKey(path)) {
            return value;
        }
        int first = path.indexOf("[0]");
        for (int at = first; at >= 0; at = path.indexOf("[0]", at + 3)) {
            value = lookUp(row, path.substring(0, at) + path.substring(at + 3));
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** Spring's decoder (the HTML 4 entities and numeric references): a value without '&' is kept as it is. */
    private static Map<String, String> decoded(Map<String, String> row) {
        Map<String, String> decoded = new LinkedHashMap<>();
        row.forEach((column, value) ->
                decoded.put(column, value == null || value.indexOf('&') < 0 ? value : HtmlUtils.htmlUnescape(value)));
        return decoded;
    }

    private static String blankToNull(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    @SafeVarargs
    private static Set<String> concat(Collection<String>... parts) {
        Set<String> all = new LinkedHashSet<>();
        for (Collection<String> part : parts) {
            all.addAll(part);
        }
        return all;
    }
}
