package io.esbridge.mapping;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.esbridge.catalogue.QuotaCatalogue;

/**
 * A quota's value as a mapping writes it ({@code Disk space, MB=500M}) turned into the number the panel stores, in
 * the quota's own unit. Exports write sizes in their own units: cPanel {@code 500M} or {@code unlimited}, Plesk bytes,
 * DirectAdmin MB. A size may carry its unit ({@code B}, {@code K}, {@code M}, {@code G}, {@code T}, also written
 * {@code KB}, {@code MiB}, {@code bytes}; binary, 1 K = 1024 B, as the panels mean it), and is converted to the
 * quota's unit (the catalogue's {@code Disk space, MB}, {@code Monthly bandwidth, GB}, {@code Maximum Send Message
 * Size (Kb)}), rounded up to a whole unit, so that no customer ends with less than the old panel gave. A number
 * without unit is already in the quota's unit. {@code unlimited} and {@code -1} (with or without a unit: Plesk writes
 * {@code -1} bytes) are -1, unlimited; {@code yes}/{@code no} are 1/0 for the yes/no quotas. A unit on a quota that
 * counts things (Web Sites, Mail Accounts) is refused: the mapping has the wrong quota.
 */
final class QuotaValues {

    private static final Pattern WITH_UNIT =
            Pattern.compile("(?i)(-?\\d+(?:\\.\\d+)?)\\s*(b|bytes?|k|kb|kib|m|mb|mib|g|gb|gib|t|tb|tib)");
    /** The unit the catalogue's description names: {@code Disk space, MB}, {@code … Size (Kb)}. */
    private static final Pattern DESCRIBED_UNIT = Pattern.compile("(?i)(?:,\\s*|\\()(kb|mb|gb)\\)?\\s*$");
    /** Sizes whose description names no unit; the panel keeps them in MB (its pages say "MB" beside them). */
    private static final Pattern SIZE_IN_MB = Pattern.compile("(?i)max (mailbox|database|log) size");

    private QuotaValues() {}

    /**
     * The stored value of {@code text} for the quota {@code quotaId}.
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    static int of(int quotaId, String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        switch (value) {
            case "unlimited", "-1":
                return -1;
            case "yes", "true", "on":
                return 1;
            case "no", "false", "off":
                return 0;
            default:
        }
        if (value.matches("-?\\d+")) {
            return whole(new BigDecimal(value));
        }
        Matcher sized = WITH_UNIT.matcher(value);
        if (!sized.matches()) {
            throw new IllegalArgumentException(
                    "has a value that is not a number, a size with its unit (500M, 1G, 1073741824 B), unlimited, yes"
                            + " or no");
        }
        BigDecimal amount = new BigDecimal(sized.group(1));
        if (amount.compareTo(BigDecimal.valueOf(-1)) == 0) {
            return -1;
        }
        QuotaCatalogue.Quota quota = QuotaCatalogue.get().quota(quotaId).orElseThrow();
        long unit = unitOf(quota)
                .orElseThrow(() -> new IllegalArgumentException("has a size (" + sized.group(2) + "), but "
                        + quota.description() + " counts, it is no size: write the number alone"));
        BigDecimal bytes = amount.multiply(BigDecimal.valueOf(bytesOf(sized.group(2))));
        return whole(bytes.divide(BigDecimal.valueOf(unit), 0, RoundingMode.CEILING));
    }

    private static int whole(BigDecimal number) {
        if (number.signum() < 0) {
            throw new IllegalArgumentException("is negative; write -1 or unlimited for no limit");
        }
        if (number.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException("is larger than the panel can store (" + Integer.MAX_VALUE + ")");
        }
        return number.intValueExact();
    }

    /** Bytes in one of the quota's unit, or empty for a quota that counts things. */
    static Optional<Long> unitOf(QuotaCatalogue.Quota quota) {
        Matcher described = DESCRIBED_UNIT.matcher(quota.description());
        if (described.find()) {
            return Optional.of(bytesOf(described.group(1)));
        }
        return SIZE_IN_MB.matcher(quota.description()).find() ? Optional.of(bytesOf("m")) : Optional.empty();
    }

    private static long bytesOf(String unit) {
        return switch (unit.toLowerCase(Locale.ROOT).charAt(0)) {
            case 'k' -> 1L << 10;
            case 'm' -> 1L << 20;
            case 'g' -> 1L << 30;
            case 't' -> 1L << 40;
            default -> 1L;
        };
    }
}
