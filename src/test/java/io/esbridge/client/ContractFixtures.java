package io.esbridge.client;

import java.math.BigDecimal;
import java.time.Duration;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;

import io.esbridge.contract.ArrayOfHostingPlanGroupInfo;
import io.esbridge.contract.ArrayOfHostingPlanQuotaInfo;
import io.esbridge.contract.ArrayOfUserVlan;
import io.esbridge.contract.HostingPlanGroupInfo;
import io.esbridge.contract.HostingPlanInfo;
import io.esbridge.contract.HostingPlanQuotaInfo;
import io.esbridge.contract.PackageAddonInfo;
import io.esbridge.contract.PackageInfo;
import io.esbridge.contract.UserInfo;
import io.esbridge.contract.UserLoginStatus;
import io.esbridge.contract.UserRole;
import io.esbridge.contract.UserStatus;
import io.esbridge.contract.UserVlan;

/** The records the wire tests send, matching the golden files under src/test/resources/golden. */
final class ContractFixtures {

    static final String PASSWORD = "Secret1!";

    private ContractFixtures() {}

    static EsServerProperties properties(String url, Brand brand) {
        return new EsServerProperties(
                url,
                "serveradmin",
                "secret",
                brand,
                null,
                null,
                Duration.ofSeconds(2),
                Duration.ofSeconds(5),
                8,
                null,
                null,
                "PKCS12");
    }

    static UserInfo user(String username) {
        UserInfo user = new UserInfo();
        user.setRoleId(3);
        user.setStatusId(1);
        user.setOwnerId(1);
        user.setIsPeer(false);
        user.setIsDemo(false);
        user.setUsername(username);
        user.setFirstName("J");
        user.setLastName("Doe");
        user.setEmail("j@x");
        return user;
    }

    /** A UserInfo with every member of every version set, so that what reaches the wire is what the brand keeps. */
    static UserInfo userWithEveryMember() {
        UserInfo user = user("full");
        user.setRole(UserRole.USER);
        user.setStatus(UserStatus.ACTIVE);
        user.setLoginStatusId(0);
        user.setLoginStatus(UserLoginStatus.ENABLED);
        user.setFailedLogins(2);
        user.setUserId(42);
        user.setCreated(dateTime("2024-01-02T03:04:05"));
        user.setChanged(dateTime("2024-02-03T04:05:06"));
        user.setComments("from billing");
        user.setPassword(PASSWORD);
        user.setPrimaryPhone("+1 555 0100");
        user.setZip("10001");
        user.setInstantMessenger("jdoe-im");
        user.setFax("+1 555 0101");
        user.setSecondaryPhone("+1 555 0102");
        user.setSecondaryEmail("j2@x");
        user.setCountry("US");
        user.setAddress("1 Main St");
        user.setCity("New York");
        user.setState("NY");
        user.setHtmlMail(true);
        user.setCompanyName("Doe Inc");
        user.setEcommerceEnabled(false);
        user.setSubscriberNumber("S-1001");
        user.setMfaMode(1);
        user.setAdditionalParams("<Params><VLans><VLan VLanID=\"7\" Comment=\"office\"/></VLans></Params>");
        UserVlan vlan = new UserVlan();
        vlan.setVLanID(7);
        vlan.setComment("office");
        user.setVlans(new ArrayOfUserVlan());
        user.getVlans().getUserVlan().add(vlan);
        return user;
    }

    /** A PackageInfo with every member of every version set. */
    static PackageInfo packageWithEveryMember() {
        PackageInfo space = new PackageInfo();
        space.setPackageId(798);
        space.setUserId(42);
        space.setParentPackageId(1);
        space.setStatusId(1);
        space.setPlanId(2);
        space.setPurchaseDate(dateTime("2025-01-02T03:04:05"));
        space.setPackageName("example.com hosting");
        space.setPackageComments("billing service 1001");
        space.setServerId(1);
        space.setDiskSpace(10);
        space.setBandWidth(20);
        space.setDiskSpaceQuota(1000);
        space.setBandWidthQuota(2000);
        space.setDomains(1);
        space.setDomainsQuota(5);
        space.setOverrideQuotas(false);
        space.setDefaultTopPackage(true);
        space.setGroups(mailboxAddonPlan().getGroups());
        space.setQuotas(mailboxAddonPlan().getQuotas());
        space.setStatusIDchangeDate(dateTime("2025-01-03T00:00:00"));
        return space;
    }

    /** A PackageAddonInfo with every member of every version set. */
    static PackageAddonInfo addonWithEveryMember() {
        PackageAddonInfo addon = addon(798, 5, 2);
        addon.setPackageAddonId(77);
        addon.setPlanName("Extra 10 GB");
        addon.setPlanDescription("10 GB more disk space");
        return addon;
    }

    static XMLGregorianCalendar dateTime(String lexical) {
        try {
            return DatatypeFactory.newInstance().newXMLGregorianCalendar(lexical);
        } catch (Exception e) {
            throw new IllegalArgumentException(lexical, e);
        }
    }

    static PackageAddonInfo addon(int packageId, int planId, int quantity) {
        PackageAddonInfo addon = new PackageAddonInfo();
        addon.setPackageId(packageId);
        addon.setPlanId(planId);
        addon.setQuantity(quantity);
        addon.setPurchaseDate(dateTime("2025-01-02T00:00:00"));
        addon.setComments("billing add-on 77");
        addon.setStatusId(1);
        return addon;
    }

    static HostingPlanInfo mailboxAddonPlan() {
        HostingPlanInfo plan = new HostingPlanInfo();
        plan.setPlanName("Extra mailboxes");
        plan.setPlanDescription("10 more mail accounts");
        plan.setAvailable(true);
        plan.setIsAddon(true);
        plan.setSetupPrice(BigDecimal.ZERO);
        plan.setRecurringPrice(new BigDecimal("2.50"));
        plan.setRecurrenceUnit(2);
        plan.setRecurrenceLength(1);
        plan.setUserId(1);
        HostingPlanGroupInfo mail = new HostingPlanGroupInfo();
        mail.setGroupId(4);
        mail.setEnabled(true);
        mail.setCalculateDiskSpace(true);
        mail.setCalculateBandwidth(true);
        plan.setGroups(new ArrayOfHostingPlanGroupInfo());
        plan.getGroups().getHostingPlanGroupInfo().add(mail);
        HostingPlanQuotaInfo mailAccounts = new HostingPlanQuotaInfo();
        mailAccounts.setQuotaId(14);
        mailAccounts.setQuotaValue(10);
        plan.setQuotas(new ArrayOfHostingPlanQuotaInfo());
        plan.getQuotas().getHostingPlanQuotaInfo().add(mailAccounts);
        return plan;
    }
}
