package io.esbridge.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.springframework.util.function.SingletonSupplier;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import io.esbridge.client.Brand;
import io.esbridge.client.DeclaredMembers;

/**
 * The {@code ?WSDL} answers: our contract WSDL with the schema inlined (as ASMX publishes it, so that clients need
 * no second download), the versioned types cut down to the brand's members, the contract namespace replaced by the
 * brand's, and the address set to the URL asked.
 */
final class WsdlDocuments {

    private static final Pattern SCHEMA_IMPORT = Pattern.compile(
            "<s:schema elementFormDefault=\"qualified\">\\s*<s:import [^>]*schemaLocation=\"EnterpriseServer.xsd\"/>"
                    + "\\s*</s:schema>");
    private static final Pattern ADDRESS = Pattern.compile("<soap:address location=\"[^\"]*\"/>");

    private static final String XSD = "http://www.w3.org/2001/XMLSchema";
    /** XmlSerializer's value types: always written, so minOccurs="1" (the contract reference, section 1.2). */
    private static final Set<String> VALUE_TYPES = Set.of("s:int", "s:boolean", "s:dateTime", "s:decimal",
            "s:unsignedShort");

    private final String namespace;
    private final DeclaredMembers members;
    private final Map<String, String> byService = new ConcurrentHashMap<>();
    private final SingletonSupplier<String> schema = SingletonSupplier.of(this::brandSchema);

    WsdlDocuments(String namespace, DeclaredMembers members) {
        this.namespace = namespace;
        this.members = members;
    }

    String wsdl(String service, String address) {
        String template = byService.computeIfAbsent(service, this::load);
        return ADDRESS.matcher(template).replaceFirst(Matcher.quoteReplacement(
                "<soap:address location=\"" + escape(address) + "\"/>"));
    }

    private String load(String service) {
        String wsdl = SCHEMA_IMPORT.matcher(read("wsdl/" + service + ".wsdl")).replaceFirst(Matcher.quoteReplacement(
                schema.get()));
        // the target namespace, the schema's, and every soapAction ("namespace/Operation")
        return wsdl.replace(Brand.CONTRACT_NAMESPACE, namespace);
    }

    /**
     * The contract schema with UserInfo, PackageInfo and PackageAddonInfo cut down to the brand's members, as that
     * version's ASMX publishes them: a client generated from our ?WSDL then knows no member the server lacks. The
     * value types among them are minOccurs="1" again (the union schema relaxes those only some versions declare).
     */
    private String brandSchema() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document schema = factory.newDocumentBuilder().parse(new InputSource(new StringReader(
                    read("wsdl/EnterpriseServer.xsd"))));
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
                if (before != null && before.getNodeType() == Node.TEXT_NODE && before.getTextContent().isBlank()) {
                    before.getParentNode().removeChild(before);
                }
                member.getParentNode().removeChild(member);
            } else if (VALUE_TYPES.contains(member.getAttribute("type"))
                    || simpleTypes.contains(member.getAttribute("type"))) {
                member.setAttribute("minOccurs", "1");
            }
        }
    }

    private static String read(String resource) {
        try (InputStream in = WsdlDocuments.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    }
}
