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

/**
 * The reader that hides the DataSet parts es-bridge does not read: every inline schema, and the ExceedingQuotas of a
 * successful PackageResult; nothing else, whichever way the reader is driven.
 */
class SkipUnreadDataSetsTest {

    private static final String NS = "http://smbsaas/solidcp/enterpriseserver";

    @Test
    void aRefusedPackageResultKeepsItsExceedingQuotasWithoutTheSchema() throws XMLStreamException {
        String answer = "<AddPackageResult xmlns=\"" + NS + "\"><Result>-305</Result><ExceedingQuotas>"
                + DataSetSamples.exceedingQuotas(true) + "</ExceedingQuotas>"
                + "<Tail> <xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\"><xs:schema/></xs:schema> </Tail>"
                + "<schema>kept: not XML Schema's</schema></AddPackageResult>";
        assertThat(elements(answer))
                .containsExactly(
                        "AddPackageResult",
                        "Result",
                        "ExceedingQuotas",
                        "diffgram",
                        "NewDataSet",
                        "Table",
                        "QuotaID",
                        "QuotaName",
                        "QuotaValue",
                        "Tail",
                        "schema");
    }

    @Test
    void aSuccessfulPackageResultLosesItsExceedingQuotas() throws XMLStreamException {
        String answer = "<AddPackageResult xmlns=\"" + NS + "\"><Result>\n798 </Result><ExceedingQuotas>"
                + DataSetSamples.exceedingQuotas(false) + "</ExceedingQuotas></AddPackageResult>";
        assertThat(elements(answer)).containsExactly("AddPackageResult", "Result");
    }

    @Test
    void nextTagAndElementTextSkipThemToo() throws XMLStreamException {
        XMLStreamReader reader = new SkipUnreadDataSets.Reader(read("<r xmlns=\"" + NS + "\"><Result>0</Result>"
                + "<ExceedingQuotas>" + DataSetSamples.exceedingQuotas(false) + "</ExceedingQuotas><After/>"
                + "<ExceedingQuotas>" + DataSetSamples.exceedingQuotas(false) + "</ExceedingQuotas></r>"));
        reader.nextTag(); // r
        reader.nextTag(); // Result
        assertThat(reader.getElementText()).isEqualTo("0");
        assertThat(reader.nextTag()).isEqualTo(XMLStreamConstants.START_ELEMENT);
        assertThat(reader.getLocalName()).isEqualTo("After");
        reader.nextTag(); // end of After
        assertThat(reader.nextTag()).isEqualTo(XMLStreamConstants.END_ELEMENT);
        assertThat(reader.getLocalName()).isEqualTo("r");
    }

    private static List<String> elements(String xml) throws XMLStreamException {
        XMLStreamReader reader = new SkipUnreadDataSets.Reader(read(xml));
        List<String> elements = new ArrayList<>();
        while (reader.hasNext()) {
            if (reader.next() == XMLStreamConstants.START_ELEMENT) {
                elements.add(reader.getLocalName());
            }
        }
        return elements;
    }

    private static XMLStreamReader read(String xml) throws XMLStreamException {
        return XMLInputFactory.newFactory().createXMLStreamReader(new StringReader(xml));
    }
}
