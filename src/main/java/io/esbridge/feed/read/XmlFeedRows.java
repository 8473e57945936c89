package io.esbridge.feed.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;

import io.esbridge.record.SourceRef;

/**
 * The record elements of an XML document, one at a time: StAX walks the document and Jackson's XML module reads each
 * record element (and only it) into the same tree a JSON object becomes, so a mapping names {@code
 * data.gen_info.login} as it would in JSON. Which elements are records is the mapping's {@code records} setting, the
 * path of element names from the root ({@code packet.customer.get.result}, Plesk's XML API answer); without it, every
 * child of the root element is one. Repeated elements become a list ({@code plan[0]}, {@code plan[1]}); an element
 * that appears once is no list, which the mapping's look-up allows for ({@code plan[0]} also reads a single one).
 * <p>
 * A document that is not well-formed XML cannot be read past the fault: the records before it are read, and the file
 * is unreadable there, with its line and column, as a broken JSON array is. DTDs and external entities are refused,
 * so that a document cannot make es-bridge read other files or hosts.
 */
public final class XmlFeedRows extends LookaheadFeedRows {

    private static final XmlMapper XML = new XmlMapper();
    private static final XMLInputFactory STAX = stax();

    private final String name;
    private final XMLStreamReader xml;
    private final List<String> path;
    private final List<String> open = new ArrayList<>();
    private final String charsetName;
    /** Whether the element holding the records was found: an answer without it is not the answer the mapping reads. */
    private boolean parentSeen;

    /**
     * @param charset the charset a setting names, or {@code null} to read the document's own (its byte order mark or
     *                prolog, else UTF-8: XML's rule)
     * @param records the record elements' path from the root, or {@code null} for the root's children
     */
    public XmlFeedRows(InputStream in, Charset charset, String name, String records) {
        this.name = name;
        try {
            xml = charset == null
                    ? STAX.createXMLStreamReader(in)
                    : STAX.createXMLStreamReader(new InputStreamReader(
                            in,
                            charset.newDecoder()
                                    .onMalformedInput(CodingErrorAction.REPORT)
                                    .onUnmappableCharacter(CodingErrorAction.REPORT)));
            charsetName = charset != null
                    ? charset.name()
                    : xml.getCharacterEncodingScheme() != null
                            ? xml.getCharacterEncodingScheme()
                            : xml.getEncoding() != null ? xml.getEncoding() : "UTF-8";
            int event = xml.nextTag();
            if (event != XMLStreamConstants.START_ELEMENT) {
                throw new FeedUnreadableException(name + " has no root element");
            }
        } catch (XMLStreamException e) {
            throw unreadable(e, "its start");
        }
        String root = xml.getLocalName();
        path = records == null
                ? List.of(root, "*")
                : Arrays.asList(records.strip().split("\\."));
        if (!path.get(0).equals(root)) {
            throw new FeedUnreadableException(name + " has the root element <" + root + ">, but the mapping's records"
                    + " setting (" + records + ") starts with " + path.get(0) + ": fix the setting, or give the"
                    + " answer that has them");
        }
        open.add(root);
        // the root was checked above: when it holds the records, it is their parent
        parentSeen = path.size() <= 2;
    }

    /** The charset the document was read in: the one a setting named, or the one the document declares. */
    public String charsetName() {
        return charsetName;
    }

    @Override
    protected SourcedRow readNext() {
        return nextRecord();
    }

    @Override
    protected void closeInput() throws IOException {
        try {
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    private SourcedRow nextRecord() {
        try {
            if (path.size() == 1) {
                // the root element itself is the one record
                if (read() > 0 || open.isEmpty()) {
                    return null;
                }
                open.clear();
                return record();
            }
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    open.add(xml.getLocalName());
                    if (open.size() == path.size() && matches(open)) {
                        open.remove(open.size() - 1);
                        return record();
                    }
                    if (open.size() == path.size() - 1 && matches(open)) {
                        parentSeen = true;
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    open.remove(open.size() - 1);
                }
            }
        } catch (XMLStreamException e) {
            throw unreadable(e, "element " + read());
        }
        if (!parentSeen) {
            throw new FeedUnreadableException(name + " has no element "
                    + String.join(".", path.subList(0, path.size() - 1))
                    + "; the mapping's records setting (" + String.join(".", path) + ") names where the records are:"
                    + " fix the setting, or give the answer that has them");
        }
        return null;
    }

    /** The record element the reader stands on, read whole into a tree; the reader ends on its end tag. */
    private SourcedRow record() throws XMLStreamException {
        long line = xml.getLocation().getLineNumber();
        JsonNode node;
        try {
            node = XML.readValue(xml, JsonNode.class);
        } catch (IOException e) {
            Throwable cause = e.getCause() instanceof XMLStreamException stax ? stax : e;
            throw new FeedUnreadableException(
                    name + " line " + line + ": record element " + (read() + 1) + " cannot be read: "
                            + JsonFeedRows.safe(e) + "; the elements before it were read, the rest was not: fix the"
                            + " file there and import it again (what was applied stays unchanged)",
                    cause);
        }
        return JsonTree.row(SourceRef.fileLine(name, line), node, "an XML element with child elements");
    }

    private boolean matches(List<String> elements) {
        for (int i = 0; i < elements.size(); i++) {
            if (!path.get(i).equals("*") && !path.get(i).equals(elements.get(i))) {
                return false;
            }
        }
        return true;
    }

    private FeedUnreadableException unreadable(XMLStreamException e, String after) {
        Location where = e.getLocation();
        String at = where == null ? "" : " line " + where.getLineNumber() + ", column " + where.getColumnNumber();
        // StAX's message repeats the location; its first line says what is wrong (never a value of the document)
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String reason = message.replaceFirst("(?s)^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message:\\s*", "")
                .lines()
                .findFirst()
                .orElse(message);
        return new FeedUnreadableException(
                name + at + ": the XML cannot be read after " + after + ": " + reason
                        + "; the elements before it were read, the rest was not: fix the file there and import it"
                        + " again (what was applied stays unchanged)",
                e);
    }

    private static XMLInputFactory stax() {
        XMLInputFactory factory = XML.getFactory().getXMLInputFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory;
    }
}
