package io.esbridge.client;

import java.util.List;

import io.esbridge.contract.PackageAddonInfo;
import io.esbridge.contract.PackageInfo;
import io.esbridge.contract.UserInfo;

/**
 * Members of the contract types that only some Enterprise Server versions declare, in groups that came and went
 * together (shared/reference/enterprise-server-contract.md sections 3.1, 3.2 and 3.6). Every member of UserInfo,
 * PackageInfo and PackageAddonInfo not named here (nor {@code UserInfo/Password}, which follows the AddUser shape) is
 * declared by every version. A server that does not declare a member ignores it at best and refuses the request at
 * worst, so a brand sends only the groups its version has ({@link Brand}, {@link DeclaredMembers}).
 */
enum VersionedMember {

    /** WebsitePanel from 2.0, SolidCP. */
    LOGIN_STATUS(UserInfo.class, "LoginStatusId", "LoginStatus", "FailedLogins"),
    /** WebsitePanel from 2.0, SolidCP. */
    SUBSCRIBER_NUMBER(UserInfo.class, "SubscriberNumber"),
    /** SolidCP since 2022-11. */
    MFA_MODE(UserInfo.class, "MfaMode"),
    /** WebsitePanel from 1.2 (v1.2.0 tag), SolidCP: the VLAN assignments, which UpdateUser writes back. */
    VLANS(UserInfo.class, "AdditionalParams", "Vlans"),
    /** WebsitePanel from 2.1 (present at build 2.1.0.722), SolidCP. */
    DEFAULT_TOP_PACKAGE(PackageInfo.class, "DefaultTopPackage"),
    /** SolidCP since 2018-04. */
    STATUS_ID_CHANGE_DATE(PackageInfo.class, "StatusIDchangeDate"),
    /** WebsitePanel from 2.0, SolidCP. */
    ADDON_PLAN_NAME(PackageAddonInfo.class, "PlanName", "PlanDescription");

    private final Class<?> type;
    private final List<String> elements;

    VersionedMember(Class<?> type, String... elements) {
        this.type = type;
        this.elements = List.of(elements);
    }

    Class<?> type() {
        return type;
    }

    /** Element names, as XmlSerializer writes them. */
    List<String> elements() {
        return elements;
    }
}
