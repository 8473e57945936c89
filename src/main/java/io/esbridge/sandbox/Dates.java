package io.esbridge.sandbox;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeConstants;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;

/** Dates as the real server keeps them: SQL Server datetime without zone, written like .NET's unspecified DateTime. */
final class Dates {

    private static final DateTimeFormatter WIRE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");
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

    /** An xs:dateTime as .NET's XmlSerializer reads it. @throws IllegalArgumentException when it is not one */
    static XMLGregorianCalendar parse(String lexical) {
        return DATATYPES.newXMLGregorianCalendar(lexical);
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
