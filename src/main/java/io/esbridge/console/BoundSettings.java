package io.esbridge.console;

import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.annotation.AnnotationUtils;

/**
 * The settings of a bound {@code @ConfigurationProperties} record, by name ({@code es.errors.circuit-breaker.wait-in-open}
 * → its value): a nested record of the project counts as a group of settings, anything else (lists and maps too) as
 * one setting. The defaults are written only in the records, so this is how the console shows a setting nobody set.
 */
public final class BoundSettings {

    private BoundSettings() {}

    /** Every setting of {@code properties} (a {@code @ConfigurationProperties} record) with its bound value. */
    public static Map<String, Object> of(Object properties) {
        ConfigurationProperties annotation =
                AnnotationUtils.findAnnotation(properties.getClass(), ConfigurationProperties.class);
        if (annotation == null || !properties.getClass().isRecord()) {
            return Map.of();
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        walk(
                annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix(),
                properties.getClass(),
                properties,
                settings);
        return settings;
    }

    /** The names of every setting of a record type, values null: what a settings table must list. */
    public static Map<String, Object> names(String prefix, Class<?> recordType) {
        Map<String, Object> settings = new LinkedHashMap<>();
        walk(prefix, recordType, null, settings);
        return settings;
    }

    private static void walk(String prefix, Class<?> type, Object value, Map<String, Object> into) {
        for (RecordComponent component : type.getRecordComponents()) {
            String name = prefix + "." + kebab(component.getName());
            Object child = value == null ? null : read(component, value);
            if (isGroup(component.getType())) {
                walk(name, component.getType(), child, into);
            } else {
                into.put(name, child);
            }
        }
    }

    private static boolean isGroup(Class<?> type) {
        return type.isRecord()
                && type.getPackageName().startsWith("io.esbridge")
                && !Collection.class.isAssignableFrom(type)
                && !Map.class.isAssignableFrom(type);
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component, e);
        }
    }

    /** {@code readLockMaxAge} → {@code read-lock-max-age}, the canonical form Spring binds it from. */
    public static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
