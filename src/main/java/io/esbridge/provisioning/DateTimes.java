package io.esbridge.provisioning;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;

/** .NET DateTime on the wire: ISO 8601 with seconds and no offset (the server's local time). */
final class DateTimes {

    private static final DateTimeFormatter WIRE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
    private static final DatatypeFactory FACTORY = factory();

    private DateTimes() {}

    static XMLGregorianCalendar wire(LocalDateTime time) {
        return FACTORY.newXMLGregorianCalendar((time == null ? LocalDateTime.now() : time).format(WIRE));
    }

    /** A DataSet column's date text (ISO 8601, with or without offset); null when blank. */
    static XMLGregorianCalendar read(String lexical) {
        return lexical == null || lexical.isBlank() ? null : FACTORY.newXMLGregorianCalendar(lexical.strip());
    }

    private static DatatypeFactory factory() {
        try {
            return DatatypeFactory.newInstance();
        } catch (DatatypeConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
