package io.esbridge.provisioning;

import java.security.SecureRandom;

/** Strong random passwords for users created from records that carry none. */
final class Passwords {

    // No look-alikes (0/O, 1/l/I), and at least one of each class, which every panel's password policy accepts.
    private static final String LOWER = "abcdefghijkmnopqrstuvwxyz";
    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String DIGITS = "23456789";
    private static final String SYMBOLS = "!#%+-=?@_";
    private static final String ALL = LOWER + UPPER + DIGITS + SYMBOLS;
    private static final int LENGTH = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Passwords() {}

    static String generate() {
        char[] password = new char[LENGTH];
        String[] required = {LOWER, UPPER, DIGITS, SYMBOLS};
        for (int i = 0; i < LENGTH; i++) {
            String pool = i < required.length ? required[i] : ALL;
            password[i] = pool.charAt(RANDOM.nextInt(pool.length()));
        }
        for (int i = LENGTH - 1; i > 0; i--) {
            int j = RANDOM.nextInt(i + 1);
            char swap = password[i];
            password[i] = password[j];
            password[j] = swap;
        }
        return new String(password);
    }
}
