package io.esbridge.mapping;

import java.math.BigDecimal;
import java.text.ParsePosition;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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

    MappedFields(
            Map<String, String> values,
            Collection<String> optional,
            List<DateTimeFormatter> dateFormats,
            Collection<String> secrets,
            List<FieldLengths.Limit> lengths) {
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
            throw reject(
                    limit.field(),
                    value,
                    "is " + value.length() + " characters long; the Enterprise Server" + " accepts at most "
                            + limit.maxLength());
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
                throw reject(
                        field,
                        value.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]", "?"),
                        String.format(
                                "contains the control character U+%04X, which XML (and so the server) cannot"
                                        + " carry",
                                (int) c));
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
                    impossible = whyNoSuchDate(format, value).orElse(cause.getMessage());
                }
                continue;
            }
            if (time.isBefore(EARLIEST_DATE)) {
                throw reject(
                        field,
                        value,
                        "is before 1753-01-01, the earliest date the Enterprise Server's database" + " can store");
            }
            if (time.isAfter(LATEST_DATE)) {
                throw reject(
                        field,
                        value,
                        "is after 9999-12-31, the latest date the Enterprise Server's database" + " can store");
            }
            return time;
        }
        if (impossible != null) {
            throw reject(field, value, "is not a valid date: " + impossible);
        }
        throw reject(field, value, "is not a date in any of the mapping's dateFormats");
    }

    /**
     * Why text that fits a date format is no date, in the words of a calendar ("February 2023 has 28 days, not 29"),
     * read from the fields as written: the person fixing the row needs the part that is wrong, not java.time's terms.
     */
    private static Optional<String> whyNoSuchDate(DateTimeFormatter format, String value) {
        TemporalAccessor raw = format.parseUnresolved(value, new ParsePosition(0));
        if (raw == null) {
            return Optional.empty();
        }
        Long year = field(raw, ChronoField.YEAR);
        if (year == null) {
            year = field(raw, ChronoField.YEAR_OF_ERA);
        }
        Long month = field(raw, ChronoField.MONTH_OF_YEAR);
        Long day = field(raw, ChronoField.DAY_OF_MONTH);
        if (month != null && (month < 1 || month > 12)) {
            return Optional.of("there is no month " + month + " (months run 1 to 12)");
        }
        if (day != null && month != null && year != null) {
            int length = YearMonth.of(year.intValue(), month.intValue()).lengthOfMonth();
            if (day < 1 || day > length) {
                return Optional.of(Month.of(month.intValue()).getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " "
                        + year + " has " + length + " days, not " + day);
            }
        }
        Long hour = field(raw, ChronoField.HOUR_OF_DAY);
        if (hour != null && (hour < 0 || hour > 23)) {
            return Optional.of("there is no hour " + hour + " (hours run 0 to 23)");
        }
        for (ChronoField part : List.of(ChronoField.MINUTE_OF_HOUR, ChronoField.SECOND_OF_MINUTE)) {
            Long n = field(raw, part);
            if (n != null && (n < 0 || n > 59)) {
                return Optional.of("there is no " + (part == ChronoField.MINUTE_OF_HOUR ? "minute " : "second ") + n
                        + " (they run 0 to 59)");
            }
        }
        return Optional.empty();
    }

    private static Long field(TemporalAccessor raw, ChronoField field) {
        return raw.isSupported(field) ? raw.getLong(field) : null;
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
        throw reject(
                field,
                value,
                "is not a " + type.getSimpleName() + " (" + List.of(type.getEnumConstants())
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
        return new FieldRejection(
                field, Secrets.isSecret(field, secrets) && value != null ? Secrets.MASK : value, reason);
    }
}
