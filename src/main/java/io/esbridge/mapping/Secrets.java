package io.esbridge.mapping;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Masks secret values in what people read (reports, rejects, logs). */
public final class Secrets {

    public static final String MASK = "******";

    private Secrets() {
    }

    /** Whether a column or field name holds a secret, by name or because the mapping declares it. */
    public static boolean isSecret(String name, Collection<String> declared) {
        return name != null && (name.toLowerCase(Locale.ROOT).contains("password") || declared.contains(name));
    }

    public static Map<String, String> masked(Map<String, String> row, Collection<String> declared) {
        Map<String, String> out = new LinkedHashMap<>();
        row.forEach((k, v) -> out.put(k, v != null && !v.isEmpty() && isSecret(k, declared) ? MASK : v));
        return out;
    }
}
