package io.esbridge.client;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

import org.apache.cxf.interceptor.StaxInInterceptor;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * Hides from JAXB the parts of DataSet answers es-bridge never reads: the inline {@code xs:schema} of every DataSet
 * (es-bridge reads the diffgram alone, {@link DataSetTables}), and the {@code ExceedingQuotas} DataSet of a
 * successful {@code PackageResult} (it is read only with {@code Result} -305). An ASMX server sends both on every
 * AddPackage, UpdatePackage or AddPackageAddon, and JAXB builds a DOM for each element of a DataSet, which made reading
 * these answers cost more than anything else in the call.
 */
final class SkipUnreadDataSets extends AbstractPhaseInterceptor<Message> {

    SkipUnreadDataSets() {
        super(Phase.POST_STREAM);
        addAfter(StaxInInterceptor.class.getName());
    }

    @Override
    public void handleMessage(Message message) {
        XMLStreamReader reader = message.getContent(XMLStreamReader.class);
        if (reader != null) {
            message.setContent(XMLStreamReader.class, new Reader(reader));
        }
    }

    /** The answer without those subtrees; {@code PackageResult.Result} precedes its ExceedingQuotas. */
    static final class Reader extends StreamReaderDelegate {

        /** The text of the {@code Result} element being read; null outside one. */
        private StringBuilder result;

        private boolean succeeded;

        Reader(XMLStreamReader reader) {
            super(reader);
        }

        @Override
        public int next() throws XMLStreamException {
            int event = super.next();
            while (event == START_ELEMENT && unread()) {
                for (int depth = 1; depth > 0; ) {
                    int inside = super.next();
                    depth += inside == START_ELEMENT ? 1 : inside == END_ELEMENT ? -1 : 0;
                }
                event = super.next();
            }
            follow(event);
            return event;
        }

        private boolean unread() {
            String name = getLocalName();
            return "schema".equals(name) && XMLConstants.W3C_XML_SCHEMA_NS_URI.equals(getNamespaceURI())
                    || "ExceedingQuotas".equals(name) && succeeded;
        }

        private void follow(int event) {
            if (event == START_ELEMENT && "Result".equals(getLocalName())) {
                result = new StringBuilder();
                succeeded = false;
            } else if (result != null && event == CHARACTERS) {
                result.append(getText());
            } else if (result != null && event == END_ELEMENT) {
                succeeded = isNotNegative(result.toString().strip());
                result = null;
            }
        }

        private static boolean isNotNegative(String number) {
            return !number.isEmpty() && number.chars().allMatch(Character::isDigit);
        }

        /** As {@link XMLStreamReader#nextTag()}, through {@link #next()} so that the same parts are skipped. */
        @Override
        public int nextTag() throws XMLStreamException {
            int event = next();
            while (event == CHARACTERS && isWhiteSpace()
                    || event == CDATA && isWhiteSpace()
                    || event == SPACE
                    || event == PROCESSING_INSTRUCTION
                    || event == COMMENT) {
                event = next();
            }
            if (event != START_ELEMENT && event != END_ELEMENT) {
                throw new XMLStreamException("expected a start or end tag", getLocation());
            }
            return event;
        }

        /**
         * As {@link XMLStreamReader#getElementText()}, through {@link #next()}: the delegate's own would read past
         * this reader, and the text of a {@code Result} would go unnoticed.
         */
        @Override
        public String getElementText() throws XMLStreamException {
            StringBuilder text = new StringBuilder();
            for (int event = next(); event != END_ELEMENT; event = next()) {
                if (event == CHARACTERS || event == CDATA || event == SPACE || event == ENTITY_REFERENCE) {
                    text.append(getText());
                } else if (event == START_ELEMENT) {
                    throw new XMLStreamException("element text expected, found a child element", getLocation());
                }
            }
            return text.toString();
        }
    }
}
