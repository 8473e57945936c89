package io.esbridge.state;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The two things es-bridge does with passwords besides sending them: a keyed hash of the last applied password (to
 * notice a change without keeping the password), and encryption at rest of a failed record's password (so a replay can
 * still create the user). Both keys derive from one secret from configuration ({@code es.state.secret-key}).
 */
public class SecretKeeper {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec hashKey;
    private final SecretKeySpec encryptionKey;
    private final SecureRandom random = new SecureRandom();

    public SecretKeeper(byte[] secret) {
        if (secret.length < 16) {
            throw new IllegalArgumentException("es.state.secret-key must be at least 16 bytes");
        }
        this.hashKey = new SecretKeySpec(derive(secret, "password-hash"), "HmacSHA256");
        this.encryptionKey = new SecretKeySpec(java.util.Arrays.copyOf(derive(secret, "dead-letter"), 32), "AES");
    }

    /** HMAC-SHA256 of a password: equal passwords give equal hashes, and the hash reveals nothing without the key. */
    public String hash(String password) {
        return HexFormat.of().formatHex(mac(hashKey, password.getBytes(StandardCharsets.UTF_8)));
    }

    public String encrypt(String plain) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder()
                    .encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
                            .put(iv)
                            .put(sealed)
                            .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt", e);
        }
    }

    /** @throws IllegalStateException when the text was sealed with another key (the key was changed) */
    public String decrypt(String sealedText) {
        try {
            byte[] all = Base64.getDecoder().decode(sealedText);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt: was es.state.secret-key changed?", e);
        }
    }

    private static byte[] derive(byte[] secret, String purpose) {
        return mac(new SecretKeySpec(secret, "HmacSHA256"), purpose.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] mac(SecretKeySpec key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
