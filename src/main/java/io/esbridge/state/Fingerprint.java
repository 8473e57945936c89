package io.esbridge.state;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of a text, in hex: the fingerprint a link keeps of what was last applied (compared instead of the JSON),
 * and keys too long for a fixed-width column.
 */
public final class Fingerprint {

    private Fingerprint() {}

    public static String of(String appliedJson) {
        try {
            return HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance("SHA-256").digest(appliedJson.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
