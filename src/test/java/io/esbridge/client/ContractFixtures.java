package io.esbridge.client;

import java.math.BigDecimal;
import java.time.Duration;

import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;

import io.esbridge.contract.ArrayOfHostingPlanGroupInfo;
import io.esbridge.contract.ArrayOfHostingPlanQuotaInfo;
import io.esbridge.contract.HostingPlanGroupInfo;
import io.esbridge.contract.HostingPlanInfo;
import io.esbridge.contract.HostingPlanQuotaInfo;
import io.esbridge.contract.PackageAddonInfo;
import io.esbridge.contract.UserInfo;

/** The records the wire tests send, matching the golden files under src/test/resources/golden. */
final class ContractFixtures {

    static final String PASSWORD = "Secret1!";

    private ContractFixtures() {
    }

    static EsServerProperties properties(String url, Brand brand) {
        return new EsServerProperties(url, "serveradmin", "secret", brand, null, null, Duration.ofSeconds(2),
                Duration.ofSeconds(5), 8, null, null, "PKCS12");
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
