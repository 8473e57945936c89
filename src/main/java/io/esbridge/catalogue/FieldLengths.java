package io.esbridge.catalogue;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import io.esbridge.record.RecordType;

/**
 * How long the text of each field es-bridge sends may be: the size of the panel database column it is stored in
 * ({@code enterprise-server/field-lengths.csv}, which says where the sizes come from). Validation refuses a longer
 * value before any call, and the sandbox faults on one as SQL Server does. A panel whose columns were widened
 * overrides a column with {@code es.field-lengths.<Table>.<Column>} ({@link #withOverrides}).
 */
public final class FieldLengths {

    /**
     * es-bridge's own limit, not the panel's: the billing keys it keeps ({@code es_link.billing_key} and the other
     * {@code billing_key} columns of {@code db/migration}) are {@code varchar(200)}.
     */
    public static final int BILLING_KEY = 200;

    /**
     * One field of a record type and the panel column it is stored in.
     *
     * @param maxLength the column's size in UTF-16 code units ({@link String#length()}), or {@code null} for a column
     *                  without one (ntext)
     */
    public record Limit(RecordType type, String field, String column, Integer maxLength) {

        /** Whether {@code value} is longer than the column holds. */
        public boolean exceededBy(String value) {
            return maxLength != null && value != null && value.length() > maxLength;
        }
    }

    private static final String TABLE = "/enterprise-server/field-lengths.csv";
    private static final FieldLengths DEFAULTS = new FieldLengths(read());

    private final List<Limit> limits;

    private FieldLengths(List<Limit> limits) {
        this.limits = List.copyOf(limits);
    }

    /** The sizes of the panels' own database scripts. */
    public static FieldLengths defaults() {
        return DEFAULTS;
    }

    /**
     * These sizes with some columns' replaced: {@code Users.City → 100}. Column names compare case-insensitively.
     *
     * @throws IllegalArgumentException for a column no field is stored in, or a size below 1
     */
    public FieldLengths withOverrides(Map<String, Integer> overrides) {
        if (overrides == null || overrides.isEmpty()) {
            return this;
        }
        Map<String, Integer> sizes = new LinkedHashMap<>();
        overrides.forEach((column, size) -> {
            String key = column.toLowerCase(Locale.ROOT);
            if (limits.stream()
                    .noneMatch(l -> l.column().toLowerCase(Locale.ROOT).equals(key))) {
                throw new IllegalArgumentException("es.field-lengths." + column + ": no field es-bridge sends is"
                        + " stored in a column " + column + " (known: " + columns() + ")");
            }
            if (size == null || size < 1) {
                throw new IllegalArgumentException("es.field-lengths." + column + " must be at least 1, not " + size);
            }
            sizes.put(key, size);
        });
        List<Limit> changed = new ArrayList<>();
        for (Limit limit : limits) {
            Integer size = sizes.get(limit.column().toLowerCase(Locale.ROOT));
            changed.add(size == null ? limit : new Limit(limit.type(), limit.field(), limit.column(), size));
        }
        return new FieldLengths(changed);
    }

    /** The fields of a record type that the table lists, in its order. */
    public List<Limit> of(RecordType type) {
        return limits.stream().filter(l -> l.type() == type).toList();
    }

    /** The size of a panel column ({@code Users.Username}); empty for an unsized column or one not listed. */
    public Optional<Integer> column(String column) {
        return limits.stream()
                .filter(l -> l.column().equalsIgnoreCase(column))
                .findFirst()
                .map(Limit::maxLength);
    }

    /** Every limit, as listed. */
    public List<Limit> all() {
        return Collections.unmodifiableList(limits);
    }

    private Set<String> columns() {
        Set<String> names = new TreeSet<>();
        limits.forEach(l -> names.add(l.column()));
        return names;
    }

    private static List<Limit> read() {
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setCommentMarker('#')
                .setHeader()
                .setSkipHeaderRecord(true)
                .get();
        List<Limit> limits = new ArrayList<>();
        try (Reader in = new InputStreamReader(FieldLengths.class.getResourceAsStream(TABLE), StandardCharsets.UTF_8)) {
            for (CSVRecord row : format.parse(in)) {
                String size = row.get("max_length").strip();
                limits.add(new Limit(
                        RecordType.valueOf(row.get("record")),
                        row.get("field"),
                        row.get("column"),
                        size.isEmpty() ? null : Integer.valueOf(size)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + TABLE, e);
        }
        return limits;
    }
}
