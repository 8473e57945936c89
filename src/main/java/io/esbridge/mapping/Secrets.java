package io.esbridge.mapping;

import java.net.URI;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Masks secret values in what people read (reports, rejects, logs). */
public final class Secrets {

    public static final String MASK = "******";
    private static final Pattern URL_WITH_USER_INFO = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/@]*@.*");

    private Secrets() {}

    /** Whether a column or field name holds a secret, by name or because the mapping declares it. */
    public static boolean isSecret(String name, Collection<String> declared) {
        return name != null && (name.toLowerCase(Locale.ROOT).contains("password") || declared.contains(name));
    }

    public static Map<String, String> masked(Map<String, String> row, Collection<String> declared) {
        Map<String, String> out = new LinkedHashMap<>();
        row.forEach((k, v) -> out.put(k, v != null && !v.isEmpty() && isSecret(k, declared) ? MASK : v));
        return out;
    }

    /** {@code https://user:pw@host/} shows as {@code https://******@host/}. */
    public static String maskUserInfo(String value) {
        if (!URL_WITH_USER_INFO.matcher(value).matches()) {
            return value;
        }
        try {
            URI uri = URI.create(value.strip());
            return uri.getRawUserInfo() == null ? value : value.replace(uri.getRawUserInfo(), Secrets.MASK);
        } catch (IllegalArgumentException notAUri) {
            return Secrets.MASK;
        }
    }
}
