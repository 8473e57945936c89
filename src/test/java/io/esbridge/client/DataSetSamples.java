package io.esbridge.client;

/** DataSets as an ASMX server serializes them: inline xs:schema, then the diffgram (contract sections 1.2, 3.9). */
final class DataSetSamples {

    private DataSetSamples() {}

    static String hostingPlans() {
        return "<xs:schema id=\"NewDataSet\" xmlns=\"\" xmlns:xs=\"http://www.w3.org/2001/XMLSchema\""
                + " xmlns:msdata=\"urn:schemas-microsoft-com:xml-msdata\">"
                + "<xs:element name=\"NewDataSet\" msdata:IsDataSet=\"true\" msdata:UseCurrentLocale=\"true\">"
                + "<xs:complexType><xs:choice minOccurs=\"0\" maxOccurs=\"unbounded\"><xs:element name=\"Table\">"
                + "<xs:complexType><xs:sequence>"
                + "<xs:element name=\"PlanID\" type=\"xs:int\" minOccurs=\"0\"/>"
                + "<xs:element name=\"PlanName\" type=\"xs:string\" minOccurs=\"0\"/>"
                + "<xs:element name=\"PlanDescription\" type=\"xs:string\" minOccurs=\"0\"/>"
                + "</xs:sequence></xs:complexType></xs:element></xs:choice></xs:complexType></xs:element>"
                + "</xs:schema>"
                + "<diffgr:diffgram xmlns:msdata=\"urn:schemas-microsoft-com:xml-msdata\""
                + " xmlns:diffgr=\"urn:schemas-microsoft-com:xml-diffgram-v1\"><NewDataSet xmlns=\"\">"
                + "<Table diffgr:id=\"Table1\" msdata:rowOrder=\"0\"><PlanID>1</PlanID><PlanName>Starter</PlanName>"
                + "<PlanDescription>1 site</PlanDescription></Table>"
                + "<Table diffgr:id=\"Table2\" msdata:rowOrder=\"1\"><PlanID>2</PlanID><PlanName>Business</PlanName>"
                + "</Table></NewDataSet></diffgr:diffgram>";
    }

    /** ExceedingQuotas of a -305 answer: table Table with QuotaID, QuotaName, QuotaValue. */
    static String exceedingQuotas(boolean withRows) {
        String rows = withRows
                ? "<NewDataSet xmlns=\"\"><Table diffgr:id=\"Table1\" msdata:rowOrder=\"0\"><QuotaID>52</QuotaID>"
                        + "<QuotaName>OS.Diskspace</QuotaName><QuotaValue>20000</QuotaValue></Table></NewDataSet>"
                : "";
        return "<xs:schema id=\"NewDataSet\" xmlns=\"\" xmlns:xs=\"http://www.w3.org/2001/XMLSchema\""
                + " xmlns:msdata=\"urn:schemas-microsoft-com:xml-msdata\"><xs:element name=\"NewDataSet\""
                + " msdata:IsDataSet=\"true\"><xs:complexType><xs:choice minOccurs=\"0\" maxOccurs=\"unbounded\">"
                + "<xs:element name=\"Table\"><xs:complexType><xs:sequence>"
                + "<xs:element name=\"QuotaID\" type=\"xs:int\" minOccurs=\"0\"/>"
                + "<xs:element name=\"QuotaName\" type=\"xs:string\" minOccurs=\"0\"/>"
                + "<xs:element name=\"QuotaValue\" type=\"xs:int\" minOccurs=\"0\"/>"
                + "</xs:sequence></xs:complexType></xs:element></xs:choice></xs:complexType></xs:element>"
                + "</xs:schema><diffgr:diffgram xmlns:msdata=\"urn:schemas-microsoft-com:xml-msdata\""
                + " xmlns:diffgr=\"urn:schemas-microsoft-com:xml-diffgram-v1\">" + rows + "</diffgr:diffgram>";
    }
}
