package io.esbridge.console;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.stereotype.Component;

import io.esbridge.mapping.Secrets;

/**
 * es-bridge's configuration as the console shows it: every {@code es.*} setting with its effective value (environment
 * overrides applied), secrets masked. Read from the environment rather than from the properties classes so that
 * settings added later (feeds, inboxes, schedules) show up without the console knowing them; a setting nobody set
 * shows its default, as bound in its {@code @ConfigurationProperties} record (the one place defaults are written).
 */
@Component
public class ConfigurationView {

    /**
     * Keys whose values are never shown, whatever they hold: the last segment names a password, secret, token,
     * credential or key; except where it names the file such a thing is kept in ({@code ...-file}), a path.
     */
    private static final Pattern SECRET_KEY =
            Pattern.compile("(?i).*(password|secret|token|credential|private|key)" + "[^.]*(?<!-file)$");

    private final ConfigurableEnvironment environment;
    private final ListableBeanFactory beans;

    public ConfigurationView(ConfigurableEnvironment environment, ListableBeanFactory beans) {
        this.environment = environment;
        this.beans = beans;
    }

    /** Setting name to shown value, sorted by name. */
    public Map<String, String> settings() {
        Map<String, String> settings = new TreeMap<>();
        beans.getBeansWithAnnotation(ConfigurationProperties.class).values().stream()
                .flatMap(properties -> BoundSettings.of(properties).entrySet().stream())
                .filter(setting -> setting.getKey().startsWith("es.")
                        && !(setting.getValue() instanceof Iterable<?>)
                        && !(setting.getValue() instanceof Map<?, ?>))
                .forEach(setting -> settings.put(
                        setting.getKey(),
                        shown(
                                setting.getKey(),
                                setting.getValue() == null ? null : String.valueOf(setting.getValue()))));
        environment.getPropertySources().stream()
                .filter(EnumerablePropertySource.class::isInstance)
                .flatMap(source -> Arrays.stream(((EnumerablePropertySource<?>) source).getPropertyNames()))
                // Lists show element by element (es.feeds.inboxes[0], ...), as their sources hold them.
                .filter(name -> name.startsWith("es."))
                .distinct()
                .forEach(name -> settings.put(name, shown(name, safeValue(name))));
        return settings;
    }

    private String safeValue(String name) {
        try {
            return environment.getProperty(name);
        } catch (RuntimeException unresolvable) {
            return "(unresolvable: " + unresolvable.getMessage() + ")";
        }
    }

    static String shown(String name, String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        if (SECRET_KEY.matcher(name).matches()) {
            return Secrets.MASK;
        }
        return Secrets.maskUserInfo(value);
    }
}
