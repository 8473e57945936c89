package io.esbridge.client;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * What an {@code esUsers.asmx?WSDL} says about the server's brand and version: its target namespace, the members its
 * schema declares for UserInfo, and the parameters of AddUser. Read as a stream (StAX): a WSDL with its schema
 * inlined is a few hundred kilobytes, of which these are a few lines, and no DOM of it is needed.
 *
 * @param namespace         the target namespace of {@code wsdl:definitions}
 * @param userInfoMembers   element names of the UserInfo complex type, in declared order; empty if none is declared
 * @param addUserParameters element names of the AddUser request element; empty if none is declared
 */
public record WsdlFacts(String namespace, List<String> userInfoMembers, List<String> addUserParameters) {

    private static final String WSDL = "http://schemas.xmlsoap.org/wsdl/";

    /** Whether the schema has the two things every Enterprise Server's esUsers declares. */
    public boolean enterpriseServer() {
        return !userInfoMembers.isEmpty() && !addUserParameters.isEmpty();
    }

    /**
     * Reads the facts, or nothing when the document is not a WSDL at all (an HTML page, another XML document).
     *
     * @throws XMLStreamException when the document is not well-formed XML
     */
    static Optional<WsdlFacts> read(InputStream in) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        // an answer from an unknown server: no DTD, no external entity may make this process fetch or expand anything
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XMLStreamReader xml = factory.createXMLStreamReader(in);
        try {
            xml.nextTag();
            if (!WSDL.equals(xml.getNamespaceURI()) || !"definitions".equals(xml.getLocalName())) {
                return Optional.empty();
            }
            String namespace = xml.getAttributeValue(null, "targetNamespace");
            List<String> userInfo = new ArrayList<>();
            List<String> addUser = new ArrayList<>();
            List<String> capturing = null;
            int depth = 1;
            int captureDepth = 0;
            int schemaDepth = -1;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    boolean xsd = XMLConstants.W3C_XML_SCHEMA_NS_URI.equals(xml.getNamespaceURI());
                    String local = xml.getLocalName();
                    String name = xml.getAttributeValue(null, "name");
                    if (xsd && local.equals("schema")) {
                        schemaDepth = depth;
                    } else if (capturing != null) {
                        if (xsd && local.equals("element") && name != null) {
                            capturing.add(name);
                        }
                    } else if (xsd
                            && depth == schemaDepth + 1
                            && name != null
                            && userInfo.isEmpty()
                            && local.equals("complexType")
                            && name.equals("UserInfo")) {
                        capturing = userInfo;
                        captureDepth = depth;
                    } else if (xsd
                            && depth == schemaDepth + 1
                            && name != null
                            && addUser.isEmpty()
                            && local.equals("element")
                            && name.equals("AddUser")) {
                        capturing = addUser;
                        captureDepth = depth;
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    if (capturing != null && depth == captureDepth) {
                        capturing = null;
                    }
                    depth--;
                }
            }
            return Optional.of(
                    new WsdlFacts(namespace == null ? "" : namespace, List.copyOf(userInfo), List.copyOf(addUser)));
        } finally {
            xml.close();
        }
    }
}
