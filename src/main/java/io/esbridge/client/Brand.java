package io.esbridge.client;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Enterprise Server brands and versions es-bridge talks to. Each fixes the XML namespace of all three services
 * (SOAPAction = namespace + "/" + operation), the shape of {@code AddUser}, the members of UserInfo, PackageInfo and
 * PackageAddonInfo it declares, and the realm of its 401 answers.
 * Facts: shared/reference/enterprise-server-contract.md sections 1.1, 2.1, 3 and 5.
 */
public enum Brand {
    /**
     * Namespace from the DotNetPanel integration document's sample; no source was found to verify it. Members of
     * WebsitePanel 1.0, which is DotNetPanel's code published as open source (2010); the 2009 document names only
     * members of that set.
     */
    DOTNETPANEL(
            "dotnetpanel",
            "http://officepark/dotnetpanel/enterpriseserver",
            AddUserShape.PASSWORD_IN_USER_INFO,
            "DotNetPanel Enterprise Server",
            EnumSet.noneOf(VersionedMember.class)),
    /**
     * WebsitePanel 1.0 to 1.2. Declares 1.2's AdditionalParams and Vlans: UpdateUser writes them back, so leaving them
     * out would wipe a 1.2 user's VLANs, while a 1.0/1.1 server never returns them and so es-bridge never sends them.
     */
    WEBSITEPANEL_1(
            "websitepanel-1",
            "http://smbsaas/websitepanel/enterpriseserver",
            AddUserShape.PASSWORD_IN_USER_INFO,
            "WebsitePanel Enterprise Server",
            EnumSet.of(VersionedMember.VLANS)),
    /**
     * WebsitePanel 2.0 up to build 2.1.0.721. Before the 1.x profile existed this name also meant 1.x, whose ASMX
     * ignores the 2.0 members; use {@link #WEBSITEPANEL_1} for those.
     */
    WEBSITEPANEL(
            "websitepanel",
            "http://smbsaas/websitepanel/enterpriseserver",
            AddUserShape.PASSWORD_IN_USER_INFO,
            "WebsitePanel Enterprise Server",
            EnumSet.of(
                    VersionedMember.LOGIN_STATUS,
                    VersionedMember.SUBSCRIBER_NUMBER,
                    VersionedMember.VLANS,
                    VersionedMember.ADDON_PLAN_NAME)),
    /** WebsitePanel from build 2.1.0.722 (2015-05-14): the password moved out of UserInfo. */
    WEBSITEPANEL_2_1(
            "websitepanel-2.1",
            "http://smbsaas/websitepanel/enterpriseserver",
            AddUserShape.PASSWORD_PARAMETER,
            "WebsitePanel Enterprise Server",
            EnumSet.of(
                    VersionedMember.LOGIN_STATUS,
                    VersionedMember.SUBSCRIBER_NUMBER,
                    VersionedMember.VLANS,
                    VersionedMember.ADDON_PLAN_NAME,
                    VersionedMember.DEFAULT_TOP_PACKAGE)),
    /** SolidCP 1.x (ASMX). */
    SOLIDCP(
            "solidcp",
            "http://smbsaas/solidcp/enterpriseserver",
            AddUserShape.PASSWORD_PARAMETER_AND_NOTES,
            "SolidCP Enterprise Server",
            EnumSet.allOf(VersionedMember.class)),
    /**
     * MSPControl: namespace from its integration document's sample (unverified). The document shows the password in
     * UserInfo while the product descends from SolidCP, which reads the parameter: send both, which every version
     * tolerates. The document lists no other UserInfo member, so SolidCP's members (MfaMode included: leaving it out
     * of UpdateUser could reset a user's MFA on a server that has it).
     */
    MSPCONTROL(
            "mspcontrol",
            "http://smbsaas/MSPC/enterpriseserver",
            AddUserShape.PASSWORD_IN_BOTH,
            "MSPControl Enterprise Server",
            EnumSet.allOf(VersionedMember.class));

    /** The namespace the WSDLs in src/main/resources/wsdl and the generated types are written in. */
    public static final String CONTRACT_NAMESPACE = "http://smbsaas/solidcp/enterpriseserver";

    private final String id;
    private final String namespace;
    private final AddUserShape addUserShape;
    private final String realm;
    private final Set<VersionedMember> versionedMembers;

    Brand(String id, String namespace, AddUserShape addUserShape, String realm, Set<VersionedMember> versionedMembers) {
        this.id = id;
        this.namespace = namespace;
        this.addUserShape = addUserShape;
        this.realm = realm;
        this.versionedMembers = Collections.unmodifiableSet(versionedMembers);
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

    /** The members only some versions declare that this one does ({@link DeclaredMembers}). */
    Set<VersionedMember> versionedMembers() {
        return versionedMembers;
    }

    public static Brand fromId(String id) {
        for (Brand b : values()) {
            if (b.id.equalsIgnoreCase(id) || b.name().equalsIgnoreCase(id)) {
                return b;
            }
        }
        throw new IllegalArgumentException("Unknown brand '" + id + "': use one of "
                + Arrays.stream(values()).map(Brand::id).collect(Collectors.joining(", ")));
    }
}
