package io.esbridge.mapping;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import io.esbridge.catalogue.FieldLengths;

/** The mapped text of one record's target fields, read as the types the records need, refusing what does not fit. */
final class MappedFields {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s\"<>]+@[^@\\s\"<>.]+(\\.[^@\\s\"<>.]+)+");
    /** Fields that name another record by its billing key, which es-bridge keeps no longer than its own limit. */
    private static final List<String> KEY_FIELDS = List.of("CustomerKey", "SubscriptionKey");
    /**
     * The range of SQL Server's {@code datetime}, the type of the panel's date columns: a date outside it reaches the
     * server and comes back as a SOAP fault ("The conversion of a datetime2 data type to a datetime data type resulted
     * in an out-of-range value"), so it is refused here.
     */
    static final LocalDateTime EARLIEST_DATE = LocalDateTime.of(1753, 1, 1, 0, 0);
    static final LocalDateTime LATEST_DATE = LocalDateTime.of(9999, 12, 31, 23, 59, 59, 997_000_000);

    private final Map<String, String> values;
    private final Collection<String> optional;
    private final List<DateTimeFormatter> dateFormats;
    private final Collection<String> secrets;

    MappedFields(Map<String, String> values, Collection<String> optional, List<DateTimeFormatter> dateFormats,
            Collection<String> secrets, List<FieldLengths.Limit> lengths) {
        this.values = values;
        this.optional = optional;
        this.dateFormats = dateFormats;
        this.secrets = secrets;
        values.forEach(this::requireXmlText);
        lengths.forEach(this::requireLength);
        KEY_FIELDS.forEach(this::requireKeyLength);
    }

    /**
     * A value longer than the panel's column would reach the server and come back as a SOAP fault carrying SQL text
     * (or be cut short by it): refused here, naming the field, its length and the column's, in the order of the
     * table of lengths (so that a row with several is always refused for the same one).
     */
    private void requireLength(FieldLengths.Limit limit) {
        String value = values.get(limit.field());
        if (limit.exceededBy(value)) {
            throw reject(limit.field(), value, "is " + value.length() + " characters long; the Enterprise Server"
                    + " accepts at most " + limit.maxLength());
        }
    }

    private void requireKeyLength(String field) {
        String value = values.get(field);
        if (value != null && value.length() > FieldLengths.BILLING_KEY) {
            throw reject(field, value, tooLongForBillingKeys(value));
        }
    }

    static String tooLongForBillingKeys(String key) {
        return "is " + key.length() + " characters long; es-bridge keeps billing keys of at most "
                + FieldLengths.BILLING_KEY;
    }

    /**
     * A character XML 1.0 cannot carry (a control character other than tab, line feed and carriage return) would
     * make the SOAP request itself malformed: the server answers HTTP 400, which reads as a wrong server URL and
     * paused all provisioning. Such a record is refused here, naming the field and the character.
     */
    private void requireXmlText(String field, String value) {
        if (value == null) {
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF) {
                throw reject(field, value.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]", "?"),
                        String.format("contains the control character U+%04X, which XML (and so the server) cannot"
                                + " carry", (int) c));
            }
        }
    }

    String text(String field) {
        return values.get(field);
    }

    String required(String field) {
        String value = values.get(field);
        if (value == null && !optional.contains(field)) {
            throw reject(field, null, "is required");
        }
        return value;
    }

    Integer integer(String field, boolean required) {
        String value = required ? required(field) : text(field);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw reject(field, value, "is not a whole number");
        }
    }

    int integer(String field, int orElse) {
        Integer value = integer(field, false);
        return value == null ? orElse : value;
    }

    BigDecimal decimal(String field) {
        String value = text(field);
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw reject(field, value, "is not a number");
        }
    }

    boolean bool(String field, boolean orElse) {
        String value = text(field);
        if (value == null) {
            return orElse;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1", "on" -> true;
            case "false", "no", "n", "0", "off" -> false;
            default -> throw reject(field, value, "is not true or false");
        };
    }

    LocalDateTime dateTime(String field, boolean required) {
        String value = required ? required(field) : text(field);
        if (value == null) {
            return null;
        }
        String impossible = null;
        for (DateTimeFormatter format : dateFormats) {
            LocalDateTime time;
            try {
                TemporalAccessor parsed = format.parseBest(value, LocalDateTime::from, LocalDate::from);
                time = parsed instanceof LocalDate day ? day.atStartOfDay() : (LocalDateTime) parsed;
            } catch (DateTimeParseException e) {
                // the next format may fit; a format the text fits but whose date does not exist says why
                if (impossible == null && e.getCause() instanceof DateTimeException cause) {
                    impossible = cause.getMessage();
                }
                continue;
            }
            if (time.isBefore(EARLIEST_DATE)) {
                throw reject(field, value, "is before 1753-01-01, the earliest date the Enterprise Server's database"
                        + " can store");
            }
            if (time.isAfter(LATEST_DATE)) {
                throw reject(field, value, "is after 9999-12-31, the latest date the Enterprise Server's database"
                        + " can store");
            }
            return time;
        }
        if (impossible != null) {
            throw reject(field, value, "is not a valid date: " + impossible);
        }
        throw reject(field, value, "is not a date in any of the mapping's dateFormats");
    }

    <E extends Enum<E>> E enumValue(String field, Class<E> type, boolean required) {
        String value = required ? required(field) : text(field);
        if (value == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value)) {
                return constant;
            }
        }
        throw reject(field, value, "is not a " + type.getSimpleName() + " (" + List.of(type.getEnumConstants())
                + "); add it to the mapping's value map");
    }

    String email(String field, boolean required) {
        String value = required ? required(field) : text(field);
        if (value != null && !EMAIL.matcher(value).matches()) {
            throw reject(field, value, "is not an e-mail address");
        }
        return value;
    }

    FieldRejection reject(String field, String value, String reason) {
        return new FieldRejection(field, Secrets.isSecret(field, secrets) && value != null ? Secrets.MASK : value,
                reason);
    }
}
