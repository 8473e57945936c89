package io.esbridge.mapping;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.esbridge.catalogue.FieldLengths;

/**
 * The mappings of {@code config/mappings/*.yml}, compiled at start-up so that a mistake in one (an unknown field, a
 * broken expression) stops es-bridge before any feed is read.
 */
public class MappingRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(MappingRegistry.class);

    private final Map<String, FeedMapper> mappers = new TreeMap<>();

    /** The mappings of a folder, validating field lengths against the panels' own column sizes. */
    public MappingRegistry(Path folder, CamelContext camel) {
        this(folder, camel, FieldLengths.defaults());
    }

    public MappingRegistry(Path folder, CamelContext camel, FieldLengths lengths) {
        // SnakeYAML (already on Spring Boot's classpath) reads the file, Jackson binds it and refuses unknown keys
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        ObjectMapper binder = new ObjectMapper()
                .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        Map<String, RecordMapper> byName = new TreeMap<>();
        java.util.List<FeedMapping> typedByColumn = new java.util.ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(p -> p.toString().matches(".*\\.ya?ml$"))
                    .sorted()
                    .toList()) {
                FeedMapping mapping;
                try (java.io.Reader in = Files.newBufferedReader(file)) {
                    mapping = binder.convertValue(yaml.load(in), FeedMapping.class);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("mapping " + file + ": " + e.getMessage(), e);
                }
                mapping.name = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
                checkCharset(file, mapping.charset);
                if (mapping.typeColumn != null) {
                    typedByColumn.add(mapping);
                } else {
                    byName.put(mapping.name, new RecordMapper(mapping, camel, lengths));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the mappings in " + folder.toAbsolutePath(), e);
        }
        byName.values().forEach(mapper -> linkAlso(mapper, byName));
        mappers.putAll(byName);
        typedByColumn.forEach(mapping -> mappers.put(mapping.name, new TypeColumnMapper(mapping, byName)));
        LOG.info("Feed mappings from {}: {}", folder, mappers.keySet());
    }

    /**
     * A mapping's {@code also} resolved at start: a name no mapping has, or one that names a further mapping (a chain
     * or a loop, which would make one row an unbounded number of records), stops es-bridge before any feed is read.
     */
    private static void linkAlso(RecordMapper mapper, Map<String, RecordMapper> byName) {
        String name = mapper.alsoName();
        if (name == null || name.isBlank()) {
            return;
        }
        RecordMapper second = byName.get(name.strip());
        if (second == null) {
            throw new IllegalArgumentException("mapping " + mapper.name() + ": also names no mapping '" + name.strip()
                    + "' (known: " + byName.keySet() + ")");
        }
        if (second.alsoName() != null && !second.alsoName().isBlank()) {
            throw new IllegalArgumentException("mapping " + mapper.name() + ": also names " + second.name()
                    + ", which names another mapping (also: " + second.alsoName() + "); a row makes at most two"
                    + " records");
        }
        mapper.also(second);
    }

    /** A charset Java cannot read refused at start, not at the first file of the feed. */
    private static void checkCharset(Path file, String charset) {
        boolean known;
        try {
            known = charset == null || Charset.isSupported(charset);
        } catch (IllegalCharsetNameException e) {
            known = false;
        }
        if (!known) {
            throw new IllegalArgumentException("mapping " + file + ": charset '" + charset + "' is not a charset"
                    + " es-bridge can read; name one such as windows-1252, ISO-8859-15 or UTF-8, or leave it out to"
                    + " have each file's detected");
        }
    }

    /** The mapping of that name. @throws IllegalArgumentException naming the known ones */
    public FeedMapper mapper(String name) {
        FeedMapper mapper = mappers.get(name);
        if (mapper == null) {
            throw new IllegalArgumentException("no mapping is named '" + name + "' (known: " + mappers.keySet() + ")");
        }
        return mapper;
    }

    /** The mapping a file name starts with, longest first ({@code whmcs-services-2026.csv} → whmcs-services). */
    public Optional<FeedMapper> forFileName(String fileName) {
        return mappers.keySet().stream()
                .filter(fileName::startsWith)
                .max((a, b) -> Integer.compare(a.length(), b.length()))
                .map(mappers::get);
    }
}
