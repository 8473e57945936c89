package io.esbridge.sandbox;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeConstants;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;

/** Dates as the real server keeps them: SQL Server datetime without zone, written like .NET's unspecified DateTime. */
final class Dates {

    private static final DateTimeFormatter WIRE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS");
    /** The calendar date and time of day of an xs:dateTime (or xs:date), strictly: no February 31st, no hour 24. */
    private static final Pattern DATE_AND_TIME = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})(?:T(\\d{2}:\\d{2}:\\d{2}))?");

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss").withResolverStyle(ResolverStyle.STRICT);
    private static final DatatypeFactory DATATYPES;
    /** The range of SQL Server's datetime, the type of the panel's date columns. */
    private static final LocalDateTime EARLIEST = LocalDateTime.of(1753, 1, 1, 0, 0);

    private static final LocalDateTime LATEST = LocalDateTime.of(9999, 12, 31, 23, 59, 59, 997_000_000);
    /**
     * What SQL Server answers (error 242) when the server's DateTime parameter, sent as datetime2, does not fit the
     * datetime column; {@code SqlException.Message} joins it with the statement's end.
     */
    static final String OUT_OF_RANGE = "The conversion of a datetime2 data type to a datetime data type resulted in"
            + " an out-of-range value.\r\nThe statement has been terminated.";

    static {
        try {
            DATATYPES = DatatypeFactory.newInstance();
        } catch (DatatypeConfigurationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private Dates() {}

    /**
     * An xs:dateTime as .NET's XmlSerializer reads it: a date that is not in the calendar ({@code 2024-02-31}) or an
     * hour 24 is no date. @throws IllegalArgumentException when it is not one
     */
    static XMLGregorianCalendar parse(String lexical) {
        XMLGregorianCalendar value = DATATYPES.newXMLGregorianCalendar(lexical);
        Matcher parts = DATE_AND_TIME.matcher(lexical);
        if (parts.find()) {
            try {
                LocalDate.parse(parts.group(1), DATE);
                if (parts.group(2) != null) {
                    LocalTime.parse(parts.group(2), TIME);
                }
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(
                        "'" + lexical + "' is not a valid xs:dateTime: " + e.getMessage(), e);
            }
        }
        return value;
    }

    static LocalDateTime now() {
        return LocalDateTime.now().truncatedTo(ChronoUnit.MILLIS);
    }

    static String text(LocalDateTime time) {
        return WIRE.format(time);
    }

    static XMLGregorianCalendar xml(Timestamp time) {
        return time == null ? null : DATATYPES.newXMLGregorianCalendar(text(time.toLocalDateTime()));
    }

    /**
     * A request's date in local time, about to be stored; a missing one (DateTime.MinValue on the real server) as
     * now. An xs:date alone is its midnight, as XmlSerializer reads it into a DateTime.
     *
     * @throws ServerFaultException with SQL Server's out-of-range message for a date its datetime cannot hold: the
     *                              statement fails, nothing is written
     */
    static LocalDateTime local(XMLGregorianCalendar date) {
        if (date == null) {
            return now();
        }
        LocalDateTime time;
        try {
            time = date.getTimezone() == DatatypeConstants.FIELD_UNDEFINED
                    ? unzoned(date)
                    : date.toGregorianCalendar()
                            .toZonedDateTime()
                            .withZoneSameInstant(ZoneId.systemDefault())
                            .toLocalDateTime();
        } catch (DateTimeException | ArithmeticException e) {
            // a year beyond what a DateTime holds at all
            throw new ServerFaultException(OUT_OF_RANGE);
        }
        if (time.isBefore(EARLIEST) || time.isAfter(LATEST)) {
            throw new ServerFaultException(OUT_OF_RANGE);
        }
        return time;
    }

    /** The date and time of day as written, the time of day (absent in an xs:date) midnight when left out. */
    private static LocalDateTime unzoned(XMLGregorianCalendar date) {
        if (date.getEon() != null) {
            throw new DateTimeException("year beyond 999,999,999");
        }
        BigDecimal fraction = date.getFractionalSecond();
        return LocalDateTime.of(
                date.getYear(),
                date.getMonth(),
                date.getDay(),
                orMidnight(date.getHour()),
                orMidnight(date.getMinute()),
                orMidnight(date.getSecond()),
                fraction == null ? 0 : fraction.movePointRight(9).intValue());
    }

    private static int orMidnight(int field) {
        return field == DatatypeConstants.FIELD_UNDEFINED ? 0 : field;
    }
}
