package io.esbridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

import io.esbridge.client.BrandChoice;
import io.esbridge.client.BrandChoiceConverter;
import io.esbridge.client.BrandConverter;
import io.esbridge.console.BoundSettings;
import io.esbridge.sandbox.SandboxConfiguration;

/**
 * README's "Settings" table against the settings records, where every default is written: a default the table
 * states as a literal ({@code `15`}, {@code `10s` / `3`}, {@code none}) is the one the record binds from an empty
 * environment, and every setting of every record is in the table. Without this the table drifts from the code and
 * operators tune against numbers es-bridge does not use.
 */
class SettingsTableTest {

    /**
     * Record settings that are not operator settings, so not in the table. Empty today: add a key here only with a
     * comment saying why operators never set it.
     */
    private static final Set<String> INTERNAL = Set.of();

    private static final Pattern ROW = Pattern.compile("^\\| (.+?) \\| (.+?) \\| .* \\|$");
    private static final Pattern LITERAL = Pattern.compile("^`([^`]*)`( ms)?$");
    private static final Pattern NONE = Pattern.compile("^none( \\(.*\\))?$");

    private static final Map<String, Class<?>> RECORDS = new LinkedHashMap<>();
    private static final List<Row> TABLE = new ArrayList<>();

    /** One setting of the table with its default cell item: the literal, null for "none", or the text as written. */
    record Row(String key, String item) {
        boolean literal() {
            return LITERAL.matcher(item).matches() || NONE.matcher(item).matches();
        }

        String value() {
            Matcher literal = LITERAL.matcher(item);
            return literal.matches() ? literal.group(1) : null;
        }
    }

    @BeforeAll
    static void readRecordsAndTable() throws Exception {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        for (var candidate : scanner.findCandidateComponents("io.esbridge")) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
            RECORDS.put(annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix(), type);
        }
        TABLE.addAll(table(Path.of("README.md")));
    }

    @Test
    void theProjectHasSettingsRecordsAndTheTableRows() {
        // the scan and the parser found something: otherwise the checks below would pass on nothing
        assertThat(RECORDS).containsKeys("es.errors", "es.feeds", "es.server", "es.sandbox");
        assertThat(TABLE)
                .extracting(Row::key)
                .contains(
                        "es.errors.max-redeliveries",
                        "es.errors.circuit-breaker.wait-in-open",
                        "es.server.password",
                        "es.feeds.read-lock-check-interval");
    }

    @Test
    void everyLiteralDefaultOfTheTableIsTheBoundDefault() {
        List<String> wrong = new ArrayList<>();
        for (Row row : TABLE) {
            if (!row.key().startsWith("es.") || !row.literal()) {
                continue;
            }
            String prefix = prefixOf(row.key());
            assertThat(prefix).as("the record of %s", row.key()).isNotNull();
            Object bound = bind(prefix, Map.of()).get(row.key());
            Object stated = row.value() == null
                    ? null
                    : bind(prefix, Map.of(row.key(), row.value())).get(row.key());
            if (!Objects.equals(bound, stated)) {
                wrong.add(row.key() + ": README says " + row.item() + ", the code binds " + bound);
            }
        }
        assertThat(wrong)
                .as("README Settings rows whose default differs from the code's")
                .isEmpty();
    }

    @Test
    void everySettingOfEveryRecordIsInTheTable() {
        Set<String> listed = new LinkedHashSet<>();
        TABLE.forEach(row -> listed.add(row.key()));
        List<String> missing = new ArrayList<>();
        RECORDS.forEach((prefix, type) -> BoundSettings.names(prefix, type).keySet().stream()
                .filter(name -> !listed.contains(name) && !INTERNAL.contains(name))
                .forEach(missing::add));
        assertThat(missing).as("settings missing from README's Settings table").isEmpty();
    }

    /** Until the inbox routes lose their inline defaults, those must be the bound ones (Camel uses them never then). */
    @Test
    void theInlineDefaultsOfTheYamlRoutesAreTheBoundOnes() throws IOException {
        Pattern placeholder = Pattern.compile("\\{\\{(es\\.[a-z.-]+):([^}]*)}}");
        List<String> wrong = new ArrayList<>();
        try (var routes = Files.list(Path.of("routes"))) {
            for (Path file : routes.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                Matcher m = placeholder.matcher(Files.readString(file));
                while (m.find()) {
                    String prefix = prefixOf(m.group(1));
                    Object bound = bind(prefix, Map.of()).get(m.group(1));
                    if (!Objects.equals(
                            bound, bind(prefix, Map.of(m.group(1), m.group(2))).get(m.group(1)))) {
                        wrong.add(file + ": " + m.group() + ", the code binds " + bound);
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** The two places a default cannot be read from the record: a placeholder's fallback, an annotation's. */
    @Test
    void theDefaultsThatCannotReferToTheirRecordAgreeWithIt() throws IOException {
        Matcher brand = Pattern.compile("\\$\\{es\\.server\\.brand:([^}]*)}")
                .matcher(Files.readString(Path.of("config/application.yml")));
        assertThat(brand.find())
                .as("es.sandbox.brand's fallback in application.yml")
                .isTrue();
        assertThat(brand.group(1)).isEqualTo(bound("es.server", "es.server.brand"));
        assertThat(bound("es.server", "es.server.password"))
                .as("es.server.password logs in to the built-in sandbox")
                .isEqualTo(bound("es.sandbox", "es.sandbox.admin-password"));

        ConditionalOnProperty sandboxOn = SandboxConfiguration.class.getAnnotation(ConditionalOnProperty.class);
        assertThat(sandboxOn.matchIfMissing())
                .isEqualTo(bind("es.sandbox", Map.of()).get("es.sandbox.enabled"));
    }

    private static Object bound(String prefix, String key) {
        Object value = bind(prefix, Map.of()).get(key);
        if (value instanceof BrandChoice choice) {
            return choice.id();
        }
        return value instanceof io.esbridge.client.Brand b ? b.id() : value;
    }

    private static String prefixOf(String key) {
        return RECORDS.keySet().stream()
                .filter(prefix -> key.startsWith(prefix + "."))
                .max((a, b) -> a.length() - b.length())
                .orElse(null);
    }

    /** The record of {@code prefix} bound as the application binds it (BrandConverter included) from these settings. */
    private static Map<String, Object> bind(String prefix, Map<String, String> settings) {
        ApplicationConversionService conversions = new ApplicationConversionService();
        conversions.addConverter(new BrandConverter());
        conversions.addConverter(new BrandChoiceConverter());
        Binder binder = new Binder(List.of(new MapConfigurationPropertySource(settings)), null, conversions);
        return BoundSettings.of(binder.bindOrCreate(prefix, RECORDS.get(prefix)));
    }

    /** The rows of the table under "## Settings", one per setting a row names. */
    static List<Row> table(Path readme) throws IOException {
        List<Row> rows = new ArrayList<>();
        boolean inSection = false;
        for (String line : Files.readAllLines(readme)) {
            if (line.startsWith("## ")) {
                inSection = line.startsWith("## Settings");
                continue;
            }
            Matcher row = ROW.matcher(line);
            if (!inSection
                    || !row.matches()
                    || row.group(1).equals("setting")
                    || row.group(1).startsWith("---")) {
                continue;
            }
            List<String> keys = keys(row.group(1));
            List<String> items = List.of(row.group(2).split(" / |, "));
            boolean anyLiteral = items.stream().anyMatch(i -> new Row("", i).literal());
            if (anyLiteral) {
                assertThat(items).as("one default per setting in row %s", line).hasSize(keys.size());
            }
            for (int i = 0; i < keys.size(); i++) {
                rows.add(new Row(keys.get(i), items.size() == keys.size() ? items.get(i) : row.group(2)));
            }
        }
        return rows;
    }

    /** {@code `es.server.username` / `password`} → es.server.username, es.server.password. */
    private static List<String> keys(String cell) {
        List<String> keys = new ArrayList<>();
        String parent = null;
        for (String part : cell.split(" / |, ")) {
            Matcher name = Pattern.compile("`([^`]+)`").matcher(part);
            if (!name.find()) {
                continue;
            }
            String key = name.group(1);
            if (parent == null) {
                parent = key.substring(0, key.lastIndexOf('.'));
                keys.add(key);
            } else {
                keys.add(parent + "." + key);
            }
        }
        return keys;
    }
}
