package io.esbridge.sandbox;

import java.util.ArrayDeque;
import java.util.Deque;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

import io.esbridge.client.Brand;

/**
 * Shows the request in the contract's namespace to JAXB: the brand's namespace reads as the contract's, and the
 * contract's (when it is not the brand's) as a foreign one, so an element in a wrong namespace is unknown to JAXB and
 * its property keeps its default, as with ASMX. Checks every simple value the way XmlSerializer reads it.
 */
final class ContractNamespaceReader extends StreamReaderDelegate {

    private static final String FOREIGN = "urn:es-bridge:sandbox:not-the-brand-namespace";
    /** Marks an element whose content is not read (unknown, foreign, string, DataSet). */
    private static final Object IGNORED = new Object();

    private final String brandNamespace;
    private final Deque<Object> types = new ArrayDeque<>();
    private final StringBuilder text = new StringBuilder();

    /** @param wrapperType the operation's request wrapper; the reader stands on its start tag */
    ContractNamespaceReader(XMLStreamReader reader, String brandNamespace, Class<?> wrapperType) {
        super(reader);
        this.brandNamespace = brandNamespace;
        types.push(XmlSerializerTypes.of(wrapperType));
    }

    @Override
    public int next() throws XMLStreamException {
        int event = super.next();
        if (types.isEmpty()) {
            // past the wrapper's end tag: JAXB reads one event further
            return event;
        }
        switch (event) {
            case XMLStreamConstants.START_ELEMENT -> types.push(childType());
            case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                if (types.peek() instanceof XmlSerializerTypes.SimpleType) {
                    text.append(getTextCharacters(), getTextStart(), getTextLength());
                }
            }
            case XMLStreamConstants.END_ELEMENT -> {
                if (types.pop() instanceof XmlSerializerTypes.SimpleType simple
                        && !simple.accepts().test(text.toString())) {
                    throw new InstanceValidationException(text.toString(), simple.name(), getLocation());
                }
                text.setLength(0);
            }
            default -> {}
        }
        return event;
    }

    private Object childType() {
        text.setLength(0);
        if (!(types.peek() instanceof XmlSerializerTypes.ComplexType parent)
                || !Brand.CONTRACT_NAMESPACE.equals(getNamespaceURI())) {
            return IGNORED;
        }
        Object child = parent.children().get(getLocalName());
        if (child instanceof Class<?> complex) {
            return XmlSerializerTypes.of(complex);
        }
        return child == null ? IGNORED : child;
    }

    @Override
    public String getNamespaceURI() {
        return toContract(super.getNamespaceURI());
    }

    @Override
    public String getNamespaceURI(int index) {
        return toContract(super.getNamespaceURI(index));
    }

    @Override
    public String getNamespaceURI(String prefix) {
        return toContract(super.getNamespaceURI(prefix));
    }

    @Override
    public QName getName() {
        QName name = super.getName();
        return new QName(toContract(name.getNamespaceURI()), name.getLocalPart(), name.getPrefix());
    }

    private String toContract(String namespace) {
        if (brandNamespace.equals(namespace)) {
            return Brand.CONTRACT_NAMESPACE;
        }
        return Brand.CONTRACT_NAMESPACE.equals(namespace) ? FOREIGN : namespace;
    }
}
