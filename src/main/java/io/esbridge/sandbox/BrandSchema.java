package io.esbridge.sandbox;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import io.esbridge.client.DeclaredMembers;

/**
 * The contract schema with UserInfo, PackageInfo and PackageAddonInfo cut down to one brand's members, as that
 * version's ASMX publishes them: a client generated from the sandbox's ?WSDL then knows no member the server lacks.
 * The value types among them are minOccurs="1" again (the union schema relaxes those only some versions declare).
 */
final class BrandSchema {

    private static final String XSD = "http://www.w3.org/2001/XMLSchema";
    /** XmlSerializer's value types: always written, so minOccurs="1" (the contract reference, section 1.2). */
    private static final Set<String> VALUE_TYPES =
            Set.of("s:int", "s:boolean", "s:dateTime", "s:decimal", "s:unsignedShort");

    private BrandSchema() {}

    /** The schema text (without XML declaration, ready to inline in a WSDL) cut down to {@code members}. */
    static String of(String contractSchema, DeclaredMembers members) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document schema = factory.newDocumentBuilder().parse(new InputSource(new StringReader(contractSchema)));
            Set<String> simpleTypes = new HashSet<>();
            NodeList simple = schema.getElementsByTagNameNS(XSD, "simpleType");
            for (int i = 0; i < simple.getLength(); i++) {
                simpleTypes.add("tns:" + ((Element) simple.item(i)).getAttribute("name"));
            }
            NodeList complex = schema.getElementsByTagNameNS(XSD, "complexType");
            for (int i = 0; i < complex.getLength(); i++) {
                Element type = (Element) complex.item(i);
                for (Class<?> versioned : DeclaredMembers.versionedTypes()) {
                    if (versioned.getSimpleName().equals(type.getAttribute("name"))) {
                        keepOnly(type, members.elementNames(versioned), simpleTypes);
                    }
                }
            }
            Transformer out = TransformerFactory.newInstance().newTransformer();
            out.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter text = new StringWriter();
            out.transform(new DOMSource(schema.getDocumentElement()), new StreamResult(text));
            return text.toString();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot cut wsdl/EnterpriseServer.xsd down to the brand's members", e);
        }
    }

    private static void keepOnly(Element type, List<String> declared, Set<String> simpleTypes) {
        NodeList elements = type.getElementsByTagNameNS(XSD, "element");
        for (int i = elements.getLength() - 1; i >= 0; i--) {
            Element member = (Element) elements.item(i);
            if (!declared.contains(member.getAttribute("name"))) {
                Node before = member.getPreviousSibling();
                if (before != null
                        && before.getNodeType() == Node.TEXT_NODE
                        && before.getTextContent().isBlank()) {
                    before.getParentNode().removeChild(before);
                }
                member.getParentNode().removeChild(member);
            } else if (VALUE_TYPES.contains(member.getAttribute("type"))
                    || simpleTypes.contains(member.getAttribute("type"))) {
                member.setAttribute("minOccurs", "1");
            }
        }
    }
}
