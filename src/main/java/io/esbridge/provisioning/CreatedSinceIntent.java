package io.esbridge.provisioning;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import javax.xml.datatype.XMLGregorianCalendar;

import org.springframework.stereotype.Component;

import io.esbridge.state.Link;

/**
 * After a create whose outcome is unknown (a timeout, an HTTP 5xx after the intent was recorded), whether an object
 * found on the server can be the one the create made. Anything it cannot be is someone else's, and linking it would
 * let the record's next change overwrite another customer's data: such an object goes through the taken-name policy
 * like any object that existed before.
 */
@Component
class CreatedSinceIntent {

    private final Duration skew;

    CreatedSinceIntent(ProvisioningProperties properties) {
        this.skew = properties.createdSkew();
    }

    /**
     * Whether the server dates the object no earlier than the intent less {@code es.provisioning.created-skew}. A date
     * without zone (as .NET writes the panel's SQL Server datetime) is read in this machine's zone; none at all is no
     * proof.
     */
    boolean datedSince(XMLGregorianCalendar serverDate, Link pending) {
        if (serverDate == null || pending.updatedAt() == null) {
            return false;
        }
        Instant dated = serverDate.toGregorianCalendar().toInstant();
        return !dated.isBefore(pending.updatedAt().minus(skew));
    }

    /** {@link #datedSince} for a DataSet column's text (ISO 8601, with or without offset). */
    boolean datedSince(String lexical, Link pending) {
        return datedSince(DateTimes.read(lexical), pending);
    }

    /** {@link #purchasedAsSent(XMLGregorianCalendar, LocalDateTime, Link)} for a DataSet column's text. */
    boolean purchasedAsSent(String serverDate, LocalDateTime sent, Link pending) {
        return purchasedAsSent(DateTimes.read(serverDate), sent, pending);
    }

    /**
     * Whether the server's purchase date is the one the create sent: the record's own, to the second, or, when the
     * record had none (es-bridge then sends "now"), a date since the intent.
     */
    boolean purchasedAsSent(XMLGregorianCalendar serverDate, LocalDateTime sent, Link pending) {
        if (sent == null) {
            return datedSince(serverDate, pending);
        }
        return serverDate != null
                && serverDate
                        .toGregorianCalendar()
                        .toZonedDateTime()
                        .toLocalDateTime()
                        .truncatedTo(ChronoUnit.SECONDS)
                        .equals(sent.truncatedTo(ChronoUnit.SECONDS));
    }

    /** The same text, leaving out case and surrounding blanks (e-mail addresses, as the panel compares none). */
    static boolean sameText(String a, String b) {
        return a != null
                && b != null
                && a.strip().toLowerCase(Locale.ROOT).equals(b.strip().toLowerCase(Locale.ROOT));
    }

    /** The same optional text, null and empty alike (the server keeps an empty comment for a null one). */
    static boolean sameOptional(String a, String b) {
        return (a == null ? "" : a.strip()).equals(b == null ? "" : b.strip());
    }
}
