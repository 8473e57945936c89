package io.esbridge.sandbox;

import java.sql.Timestamp;
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
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DatatypeFactory DATATYPES;

    static {
        try {
            DATATYPES = DatatypeFactory.newInstance();
        } catch (DatatypeConfigurationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private Dates() {
    }

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
                throw new IllegalArgumentException("'" + lexical + "' is not a valid xs:dateTime: " + e.getMessage(),
                        e);
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

    /** A request's date in local time; a missing one (DateTime.MinValue on the real server) as now. */
    static LocalDateTime local(XMLGregorianCalendar date) {
        if (date == null) {
            return now();
        }
        if (date.getTimezone() == DatatypeConstants.FIELD_UNDEFINED) {
            return LocalDateTime.parse(date.toXMLFormat());
        }
        return date.toGregorianCalendar().toZonedDateTime().withZoneSameInstant(ZoneId.systemDefault())
                .toLocalDateTime();
    }
}
