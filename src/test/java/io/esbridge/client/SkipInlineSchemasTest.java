package io.esbridge.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.junit.jupiter.api.Test;

/** The reader that hides DataSets' inline schemas: only the schema subtrees go, whichever way the reader is driven. */
class SkipInlineSchemasTest {

    private static final String ANSWER = "<AddPackageResult xmlns=\"http://smbsaas/solidcp/enterpriseserver\">"
            + "<Result>-305</Result><ExceedingQuotas>" + DataSetSamples.exceedingQuotas(true) + "</ExceedingQuotas>"
            + "<Tail> <xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\"><xs:schema/></xs:schema> </Tail>"
            + "<schema>kept: not XML Schema's</schema></AddPackageResult>";

    @Test
    void nextSkipsEverySchemaSubtreeAndKeepsTheRest() throws XMLStreamException {
        XMLStreamReader reader = new SkipInlineSchemas.Reader(read(ANSWER));
        List<String> elements = new ArrayList<>();
        while (reader.hasNext()) {
            if (reader.next() == XMLStreamConstants.START_ELEMENT) {
                elements.add(reader.getLocalName());
            }
        }
        assertThat(elements).containsExactly("AddPackageResult", "Result", "ExceedingQuotas", "diffgram", "NewDataSet", "Table", "QuotaID",
                "QuotaName", "QuotaValue", "Tail", "schema");
    }

    @Test
    void nextTagSkipsASchemaToo() throws XMLStreamException {
        XMLStreamReader reader = new SkipInlineSchemas.Reader(read(
                "<ExceedingQuotas>" + DataSetSamples.exceedingQuotas(false) + "</ExceedingQuotas>"));
        reader.nextTag(); // ExceedingQuotas
        assertThat(reader.nextTag()).isEqualTo(XMLStreamConstants.START_ELEMENT);
        assertThat(reader.getLocalName()).isEqualTo("diffgram");
    }

    private static XMLStreamReader read(String xml) throws XMLStreamException {
        return XMLInputFactory.newFactory().createXMLStreamReader(new StringReader(xml));
    }
}
