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
 * Drops the inline {@code xs:schema} of every DataSet in an answer before JAXB reads it. An ASMX server sends the
 * DataSet's schema with each one (AddPackage's ExceedingQuotas on every success, the sync's reads), es-bridge reads
 * only the diffgram ({@link DataSetTables}), and JAXB turns each element of a DataSet into a DOM of its own: the
 * schema was half of that work, the costliest part of reading an AddPackage answer.
 */
final class SkipInlineSchemas extends AbstractPhaseInterceptor<Message> {

    SkipInlineSchemas() {
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

    /** The answer without the subtrees of {@code {http://www.w3.org/2001/XMLSchema}schema}. */
    static final class Reader extends StreamReaderDelegate {

        Reader(XMLStreamReader reader) {
            super(reader);
        }

        @Override
        public int next() throws XMLStreamException {
            int event = super.next();
            while (event == START_ELEMENT && "schema".equals(getLocalName())
                    && XMLConstants.W3C_XML_SCHEMA_NS_URI.equals(getNamespaceURI())) {
                for (int depth = 1; depth > 0;) {
                    int inside = super.next();
                    depth += inside == START_ELEMENT ? 1 : inside == END_ELEMENT ? -1 : 0;
                }
                event = super.next();
            }
            return event;
        }

        /** As {@link XMLStreamReader#nextTag()}, through {@link #next()} so that a schema is skipped here too. */
        @Override
        public int nextTag() throws XMLStreamException {
            int event = next();
            while (event == CHARACTERS && isWhiteSpace() || event == CDATA && isWhiteSpace() || event == SPACE
                    || event == PROCESSING_INSTRUCTION || event == COMMENT) {
                event = next();
            }
            if (event != START_ELEMENT && event != END_ELEMENT) {
                throw new XMLStreamException("expected a start or end tag", getLocation());
            }
            return event;
        }
    }
}
