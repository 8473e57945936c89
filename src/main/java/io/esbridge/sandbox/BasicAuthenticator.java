package io.esbridge.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The HTTP Basic check of the real server's WSE filter: scheme {@code Basic}, Base64 read as ASCII, split on ':'
 * with only parts [0] and [1] used, the user looked up by name and plain-text password; the account's status is not
 * checked here. Successful header values are remembered, so a busy client does not cost a query per call, until a
 * password changes or a user goes.
 */
final class BasicAuthenticator {

    private static final int MOST_REMEMBERED = 10_000;

    private final UserDirectory users;
    private final Map<String, Integer> remembered = new ConcurrentHashMap<>();

    BasicAuthenticator(UserDirectory users) {
        this.users = users;
    }

    /** The caller's user id, or null when the header does not authenticate anyone. */
    Integer userId(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic", 0, 5)) {
            return null;
        }
        Integer known = remembered.get(authorization);
        if (known != null) {
            return known;
        }
        String decoded;
        try {
            decoded = new String(
                    Base64.getDecoder().decode(authorization.substring(5).strip()), StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
        String[] parts = decoded.split(":");
        if (parts.length < 2) {
            return null;
        }
        Integer userId = users.idByCredentials(parts[0], parts[1]);
        if (userId != null) {
            if (remembered.size() >= MOST_REMEMBERED) {
                remembered.clear();
            }
            remembered.put(authorization, userId);
        }
        return userId;
    }

    void forget() {
        remembered.clear();
    }
}
