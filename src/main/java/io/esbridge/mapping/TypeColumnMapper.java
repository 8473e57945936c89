package io.esbridge.mapping;

import java.nio.charset.Charset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A feed of several record types in one file, the type given in a column: {@code typeColumn: record_type} and
 * {@code types: {customer: customers, service: subscriptions}} choose the mapping of each row.
 */
final class TypeColumnMapper implements FeedMapper {

    private final String name;
    private final String typeColumn;
    private final String charset;
    private final String records;
    private final Map<String, RecordMapper> byType = new LinkedHashMap<>();
    private final Set<String> secrets = new LinkedHashSet<>();

    TypeColumnMapper(FeedMapping mapping, Map<String, RecordMapper> mappers) {
        this.name = mapping.name;
        this.typeColumn = mapping.typeColumn;
        this.charset = mapping.charset;
        this.records = mapping.records;
        mapping.types.forEach((value, mapperName) -> {
            RecordMapper mapper = mappers.get(mapperName);
            if (mapper == null) {
                throw new IllegalArgumentException("mapping " + name + ": type '" + value + "' names no mapping '"
                        + mapperName + "' (known: " + mappers.keySet() + ")");
            }
            byType.put(value.strip().toLowerCase(Locale.ROOT), mapper);
            secrets.addAll(mapper.secrets());
        });
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public RecordMapper mapperFor(Map<String, String> row) {
        String value = row.get(typeColumn);
        RecordMapper mapper = value == null ? null : byType.get(value.strip().toLowerCase(Locale.ROOT));
        if (mapper == null) {
            throw new FieldRejection(
                    typeColumn,
                    value,
                    "names no record type of this feed (known: " + String.join(", ", byType.keySet()) + ")");
        }
        return mapper;
    }

    @Override
    public Optional<Charset> charset() {
        return Optional.ofNullable(charset).map(Charset::forName);
    }

    @Override
    public Optional<String> records() {
        return Optional.ofNullable(records).map(String::strip).filter(path -> !path.isEmpty());
    }

    @Override
    public String requiredColumn() {
        return typeColumn;
    }

    @Override
    public Collection<String> secrets() {
        return secrets;
    }
}
