package io.esbridge.client;

/**
 * The Enterprise Server brands and versions es-bridge talks to. Each fixes the XML namespace of all three services
 * (SOAPAction = namespace + "/" + operation), the shape of {@code AddUser} and the realm of its 401 answers.
 * Facts: shared/reference/enterprise-server-contract.md sections 1.1, 2.1 and 5.
 */
public enum Brand {
    /** Namespace from the DotNetPanel integration document's sample; no source was found to verify it. */
    DOTNETPANEL("dotnetpanel", "http://officepark/dotnetpanel/enterpriseserver",
            AddUserShape.PASSWORD_IN_USER_INFO, "DotNetPanel Enterprise Server"),
    /** WebsitePanel 1.0 up to build 2.1.0.721. */
    WEBSITEPANEL("websitepanel", "http://smbsaas/websitepanel/enterpriseserver",
            AddUserShape.PASSWORD_IN_USER_INFO, "WebsitePanel Enterprise Server"),
    /** WebsitePanel from build 2.1.0.722 (2015-05-14): the password moved out of UserInfo. */
    WEBSITEPANEL_2_1("websitepanel-2.1", "http://smbsaas/websitepanel/enterpriseserver",
            AddUserShape.PASSWORD_PARAMETER, "WebsitePanel Enterprise Server"),
    /** SolidCP 1.x (ASMX). */
    SOLIDCP("solidcp", "http://smbsaas/solidcp/enterpriseserver",
            AddUserShape.PASSWORD_PARAMETER_AND_NOTES, "SolidCP Enterprise Server"),
    /**
     * MSPControl: namespace from its integration document's sample (unverified). The document shows the password in
     * UserInfo while the product descends from SolidCP, which reads the parameter: send both, which every version
     * tolerates.
     */
    MSPCONTROL("mspcontrol", "http://smbsaas/MSPC/enterpriseserver",
            AddUserShape.PASSWORD_IN_BOTH, "MSPControl Enterprise Server");

    /** The namespace the WSDLs in src/main/resources/wsdl and the generated types are written in. */
    public static final String CONTRACT_NAMESPACE = "http://smbsaas/solidcp/enterpriseserver";

    private final String id;
    private final String namespace;
    private final AddUserShape addUserShape;
    private final String realm;

    Brand(String id, String namespace, AddUserShape addUserShape, String realm) {
        this.id = id;
        this.namespace = namespace;
        this.addUserShape = addUserShape;
        this.realm = realm;
    }

    /** The name used in configuration, e.g. {@code websitepanel-2.1}. */
    public String id() {
        return id;
    }

    public String namespace() {
        return namespace;
    }

    public AddUserShape addUserShape() {
        return addUserShape;
    }

    /** Realm of the {@code WWW-Authenticate: Basic Realm="..."} header of a 401 answer. */
    public String realm() {
        return realm;
    }

    public static Brand fromId(String id) {
        for (Brand b : values()) {
            if (b.id.equalsIgnoreCase(id) || b.name().equalsIgnoreCase(id)) {
                return b;
            }
        }
        throw new IllegalArgumentException("Unknown brand '" + id + "': use one of dotnetpanel, websitepanel, "
                + "websitepanel-2.1, solidcp, mspcontrol");
    }
}
