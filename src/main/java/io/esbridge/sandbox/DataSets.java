package io.esbridge.sandbox;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

import io.esbridge.contract.DataSet;

/**
 * Builds .NET DataSet answers as ADO.NET writes them: an inline {@code xs:schema id="NewDataSet"} and a
 * {@code diffgr:diffgram} holding {@code NewDataSet/Table} rows; a null column is left out of its row.
 */
final class DataSets {

    private static final String XS = XMLConstants.W3C_XML_SCHEMA_NS_URI;
    private static final String MSDATA = "urn:schemas-microsoft-com:xml-msdata";
    private static final String DIFFGR = "urn:schemas-microsoft-com:xml-diffgram-v1";
    private static final DocumentBuilderFactory DOCUMENTS = DocumentBuilderFactory.newInstance();

    static {
        DOCUMENTS.setNamespaceAware(true);
    }

    /** One table: columns written {@code Name:xsdType}, rows in column order. */
    static final class Table {
        private final String name;
        private final List<String[]> columns = new ArrayList<>();
        private final List<Object[]> rows = new ArrayList<>();

        Table(String name, String... columns) {
            this.name = name;
            Set<String> seen = new LinkedHashSet<>();
            for (String column : columns) {
                String[] nameAndType = column.split(":");
                if (seen.add(nameAndType[0])) {
                    this.columns.add(nameAndType);
                }
            }
        }

        Table row(Object... values) {
            if (values.length != columns.size()) {
                throw new IllegalArgumentException(
                        name + " has " + columns.size() + " columns, row has " + values.length);
            }
            rows.add(values);
            return this;
        }
    }

    private DataSets() {}

    static DataSet of(Table... tables) {
        Document document = newDocument();
        DataSet dataSet = new DataSet();
        dataSet.getAny().add(schema(document, tables));
        dataSet.getAny().add(diffgram(document, tables));
        return dataSet;
    }

    private static Element schema(Document document, Table[] tables) {
        Element schema = document.createElementNS(XS, "xs:schema");
        schema.setAttribute("id", "NewDataSet");
        schema.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:msdata", MSDATA);
        Element dataSet = child(schema, XS, "xs:element");
        dataSet.setAttribute("name", "NewDataSet");
        dataSet.setAttributeNS(MSDATA, "msdata:IsDataSet", "true");
        dataSet.setAttributeNS(MSDATA, "msdata:UseCurrentLocale", "true");
        Element choice = child(child(dataSet, XS, "xs:complexType"), XS, "xs:choice");
        choice.setAttribute("minOccurs", "0");
        choice.setAttribute("maxOccurs", "unbounded");
        for (Table table : tables) {
            Element tableElement = child(choice, XS, "xs:element");
            tableElement.setAttribute("name", table.name);
            Element sequence = child(child(tableElement, XS, "xs:complexType"), XS, "xs:sequence");
            for (String[] column : table.columns) {
                Element columnElement = child(sequence, XS, "xs:element");
                columnElement.setAttribute("name", column[0]);
                columnElement.setAttribute("type", "xs:" + column[1]);
                columnElement.setAttribute("minOccurs", "0");
            }
        }
        return schema;
    }

    private static Element diffgram(Document document, Table[] tables) {
        Element diffgram = document.createElementNS(DIFFGR, "diffgr:diffgram");
        diffgram.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:msdata", MSDATA);
        if (Arrays.stream(tables).allMatch(t -> t.rows.isEmpty())) {
            return diffgram;
        }
        Element newDataSet = document.createElementNS(null, "NewDataSet");
        diffgram.appendChild(newDataSet);
        for (Table table : tables) {
            for (int r = 0; r < table.rows.size(); r++) {
                Element row = child(newDataSet, null, table.name);
                row.setAttributeNS(DIFFGR, "diffgr:id", table.name + (r + 1));
                row.setAttributeNS(MSDATA, "msdata:rowOrder", String.valueOf(r));
                Object[] values = table.rows.get(r);
                for (int c = 0; c < values.length; c++) {
                    if (values[c] != null) {
                        child(row, null, table.columns.get(c)[0]).setTextContent(text(values[c]));
                    }
                }
            }
        }
        return diffgram;
    }

    private static String text(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof LocalDateTime time) {
            return Dates.text(time);
        }
        return value.toString();
    }

    private static Element child(Element parent, String namespace, String name) {
        Element child = parent.getOwnerDocument().createElementNS(namespace, name);
        parent.appendChild(child);
        return child;
    }

    private static Document newDocument() {
        try {
            return DOCUMENTS.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
