package io.esbridge.sandbox;

import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamException;

/** A value XmlSerializer cannot read: ASMX answers soap:Client "Server was unable to read request". */
final class InstanceValidationException extends XMLStreamException {

    InstanceValidationException(String value, String typeName, Location location) {
        super("There is an error in XML document (" + location.getLineNumber() + ", " + location.getColumnNumber()
                + "). ---> Instance validation error: '" + value + "' is not a valid value for " + typeName + ".");
    }
}
