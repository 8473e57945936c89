package io.esbridge.sandbox;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;

import org.apache.cxf.staxutils.DelegatingXMLStreamWriter;

import io.esbridge.client.Brand;
import io.esbridge.client.DeclaredMembers;
import io.esbridge.contract.ObjectFactory;

/**
 * Reads SOAP 1.1 requests and writes answers in the brand's namespace with the generated contract types, the way an
 * ASMX service does: the parameters of the operation the SOAPAction names are read from the body's wrapper element
 * (a wrapper of another name or namespace leaves every parameter at its default), unknown elements are skipped, and
 * answers are {@code <OpResponse xmlns="NS"><OpResult>…}, with only the members the brand's version declares in both
 * directions. One JAXBContext for the life of the sandbox.
 */
final class SoapCodec {

    static final String SOAP_ENVELOPE = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    private static final String XSD = "http://www.w3.org/2001/XMLSchema";

    /** The request could not be read: HTTP 400 for XML that is not well-formed, else a soap:Client fault. */
    static final class UnreadableRequest extends Exception {
        private final boolean malformed;

        UnreadableRequest(String message, boolean malformed, Throwable cause) {
            super(message, cause);
            this.malformed = malformed;
        }

        boolean malformed() {
            return malformed;
        }
    }

    private final String namespace;
    private final DeclaredMembers members;
    private final JAXBContext context;
    private final XMLInputFactory inputs = XMLInputFactory.newFactory();
    private final XMLOutputFactory outputs = XMLOutputFactory.newFactory();

    SoapCodec(String namespace, DeclaredMembers members) {
        this.namespace = namespace;
        this.members = members;
        try {
            this.context = JAXBContext.newInstance(ObjectFactory.class);
        } catch (JAXBException e) {
            throw new IllegalStateException("Cannot build the JAXB context of the contract types", e);
        }
        inputs.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        inputs.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        inputs.setProperty(XMLInputFactory.IS_COALESCING, true);
    }

    /**
     * The operation's request wrapper as read from the envelope.
     *
     * @param bodyNamespace receives the namespace of the element inside soap:Body (for the stats)
     */
    Object read(InputStream body, SoapOperation operation, Consumer<String> bodyNamespace) throws UnreadableRequest {
        try {
            XMLStreamReader reader = inputs.createXMLStreamReader(body);
            try {
                Object request = newRequest(operation);
                reader.nextTag();
                if (!"Envelope".equals(reader.getLocalName()) || !SOAP_ENVELOPE.equals(reader.getNamespaceURI())) {
                    throw new UnreadableRequest(
                            "Server was unable to read request. ---> The root element is not a " + "SOAP 1.1 Envelope.",
                            false,
                            null);
                }
                int depth = 1;
                boolean inBody = false;
                boolean wrapperSeen = false;
                boolean advance = true;
                while (!advance || reader.hasNext()) {
                    // after JAXB read the wrapper, the reader already stands on the next event
                    int event = advance ? reader.next() : reader.getEventType();
                    advance = true;
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        depth++;
                        if (depth == 2
                                && "Body".equals(reader.getLocalName())
                                && SOAP_ENVELOPE.equals(reader.getNamespaceURI())) {
                            inBody = true;
                        } else if (depth == 3 && inBody && !wrapperSeen) {
                            wrapperSeen = true;
                            bodyNamespace.accept(reader.getNamespaceURI());
                            if (operation.name().equals(reader.getLocalName())
                                    && namespace.equals(reader.getNamespaceURI())) {
                                request = unmarshal(reader, operation.requestType());
                                depth--;
                                advance = false;
                            }
                        }
                    } else if (event == XMLStreamConstants.END_ELEMENT) {
                        if (depth == 2) {
                            inBody = false;
                        }
                        depth--;
                    }
                }
                // what the brand's version does not declare is not read, as ASMX skips unknown elements
                members.apply(request);
                return request;
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            throw unreadable(e);
        }
    }

    private Object unmarshal(XMLStreamReader reader, Class<?> type) throws XMLStreamException, UnreadableRequest {
        try {
            return context.createUnmarshaller()
                    .unmarshal(new ContractNamespaceReader(reader, namespace, type), type)
                    .getValue();
        } catch (JAXBException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof XMLStreamException xml) {
                    throw xml;
                }
            }
            throw new UnreadableRequest("Server was unable to read request. ---> " + e, false, e);
        }
    }

    private static UnreadableRequest unreadable(XMLStreamException e) {
        if (e instanceof InstanceValidationException) {
            return new UnreadableRequest("Server was unable to read request. ---> " + e.getMessage(), false, e);
        }
        return new UnreadableRequest(e.getMessage(), true, e);
    }

    private static Object newRequest(SoapOperation operation) {
        try {
            return operation.requestType().getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code <OpResponse xmlns="NS">…</OpResponse>} in a SOAP 1.1 envelope. */
    void writeAnswer(OutputStream out, Object response) throws XMLStreamException, JAXBException {
        XMLStreamWriter writer = outputs.createXMLStreamWriter(out, "utf-8");
        startEnvelope(writer);
        Marshaller marshaller = context.createMarshaller();
        marshaller.setProperty(Marshaller.JAXB_FRAGMENT, true);
        members.apply(response);
        marshaller.marshal(response, new BrandNamespaceWriter(writer, namespace));
        endEnvelope(writer);
    }

    /** A standard ASMX fault: {@code soap:Client} or {@code soap:Server}, the text, an empty detail. */
    void writeFault(OutputStream out, String code, String text) throws XMLStreamException {
        XMLStreamWriter writer = outputs.createXMLStreamWriter(out, "utf-8");
        startEnvelope(writer);
        writer.writeStartElement("soap", "Fault", SOAP_ENVELOPE);
        writer.writeStartElement("faultcode");
        writer.writeCharacters("soap:" + code);
        writer.writeEndElement();
        writer.writeStartElement("faultstring");
        writer.writeCharacters(text);
        writer.writeEndElement();
        writer.writeEmptyElement("detail");
        writer.writeEndElement();
        endEnvelope(writer);
    }

    private static void startEnvelope(XMLStreamWriter writer) throws XMLStreamException {
        writer.writeStartDocument("utf-8", "1.0");
        writer.writeStartElement("soap", "Envelope", SOAP_ENVELOPE);
        writer.writeNamespace("soap", SOAP_ENVELOPE);
        writer.writeNamespace("xsi", XSI);
        writer.writeNamespace("xsd", XSD);
        writer.writeStartElement("soap", "Body", SOAP_ENVELOPE);
    }

    private static void endEnvelope(XMLStreamWriter writer) throws XMLStreamException {
        writer.writeEndElement();
        writer.writeEndElement();
        writer.writeEndDocument();
        writer.flush();
    }

    /**
     * Writes the contract's namespace as the brand's, as the default namespace like ASMX, and un-declares it for
     * elements without namespace (the rows of a DataSet diffgram).
     */
    private static final class BrandNamespaceWriter extends DelegatingXMLStreamWriter {

        private final String namespace;
        private final Deque<String> defaults = new ArrayDeque<>();

        BrandNamespaceWriter(XMLStreamWriter writer, String namespace) {
            super(writer);
            this.namespace = namespace;
            defaults.push("");
        }

        @Override
        public void writeStartElement(String prefix, String local, String uri) throws XMLStreamException {
            String inScope = defaults.peek();
            if (Brand.CONTRACT_NAMESPACE.equals(uri)) {
                super.writeStartElement("", local, namespace);
                if (!namespace.equals(inScope)) {
                    super.writeDefaultNamespace(namespace);
                }
                defaults.push(namespace);
            } else if ((uri == null || uri.isEmpty()) && (prefix == null || prefix.isEmpty())) {
                super.writeStartElement("", local, "");
                if (!inScope.isEmpty()) {
                    super.writeDefaultNamespace("");
                }
                defaults.push("");
            } else {
                super.writeStartElement(prefix, local, uri);
                defaults.push(inScope);
            }
        }

        @Override
        public void writeStartElement(String uri, String local) throws XMLStreamException {
            writeStartElement("", local, uri);
        }

        @Override
        public void writeStartElement(String local) throws XMLStreamException {
            writeStartElement("", local, "");
        }

        @Override
        public void writeEndElement() throws XMLStreamException {
            defaults.pop();
            super.writeEndElement();
        }

        @Override
        public void writeNamespace(String prefix, String uri) throws XMLStreamException {
            // default namespaces are written with their start tags above
            if (prefix != null && !prefix.isEmpty() && !Brand.CONTRACT_NAMESPACE.equals(uri)) {
                super.writeNamespace(prefix, uri);
            }
        }

        @Override
        public void writeDefaultNamespace(String uri) throws XMLStreamException {
            // the element's own default namespace is written with its start tag
        }

        @Override
        public void setPrefix(String prefix, String uri) {}

        @Override
        public void setDefaultNamespace(String uri) {}
    }
}
