package io.esbridge.client;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

import io.esbridge.contract.DataSet;

/**
 * The rows of a .NET DataSet result, read from its diffgram: {@code <diffgr:diffgram><NewDataSet><Table>…</Table>
 * <Table1>…</Table1></NewDataSet></diffgr:diffgram>}. The inline {@code xs:schema} before it is not needed: a row's
 * columns are its child elements, and a column whose value is null is simply absent.
 */
public final class DataSetTables {

    static final String DIFFGRAM_NS = "urn:schemas-microsoft-com:xml-diffgram-v1";

    private final Map<String, List<Map<String, String>>> tables;

    private DataSetTables(Map<String, List<Map<String, String>>> tables) {
        this.tables = tables;
    }

    public static DataSetTables read(DataSet dataSet) {
        Map<String, List<Map<String, String>>> tables = new LinkedHashMap<>();
        if (dataSet != null) {
            for (Element part : dataSet.getAny()) {
                if ("diffgram".equals(part.getLocalName()) && DIFFGRAM_NS.equals(part.getNamespaceURI())) {
                    readDiffgram(part, tables);
                }
            }
        }
        return new DataSetTables(tables);
    }

    private static void readDiffgram(Element diffgram, Map<String, List<Map<String, String>>> tables) {
        for (Element dataSet : children(diffgram)) {
            for (Element row : children(dataSet)) {
                Map<String, String> columns = new LinkedHashMap<>();
                for (Element column : children(row)) {
                    columns.put(column.getLocalName(), column.getTextContent());
                }
                tables.computeIfAbsent(row.getLocalName(), t -> new ArrayList<>())
                        .add(Collections.unmodifiableMap(columns));
            }
        }
    }

    private static List<Element> children(Element parent) {
        List<Element> elements = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                elements.add(e);
            }
        }
        return elements;
    }

    /** The first table ({@code Table}); empty when the DataSet has no rows. */
    public List<Map<String, String>> rows() {
        return table("Table");
    }

    /** Rows of a table by name ({@code Table}, {@code Table1}, …); empty when it has no rows. */
    public List<Map<String, String>> table(String name) {
        return tables.getOrDefault(name, List.of());
    }
}
