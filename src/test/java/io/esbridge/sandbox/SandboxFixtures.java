package io.esbridge.sandbox;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;

import io.esbridge.client.EnterpriseServerClient;
import io.esbridge.contract.ArrayOfHostingPlanQuotaInfo;
import io.esbridge.contract.HostingPlanInfo;
import io.esbridge.contract.HostingPlanQuotaInfo;
import io.esbridge.contract.PackageAddonInfo;
import io.esbridge.contract.UserInfo;
import io.esbridge.contract.UserRole;
import io.esbridge.contract.UserStatus;

/** Users, plans and add-ons the sandbox tests create, with names no other test uses. */
final class SandboxFixtures {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private SandboxFixtures() {}

    static String uniqueUsername(String prefix) {
        return prefix + "-" + System.nanoTime() % 1_000_000_000 + "-" + SEQUENCE.incrementAndGet();
    }

    static UserInfo customer(String username, int ownerId, UserRole role) {
        UserInfo user = new UserInfo();
        user.setUsername(username);
        user.setOwnerId(ownerId);
        user.setRoleId(role.ordinal() + 1);
        user.setRole(role);
        user.setStatusId(1);
        user.setStatus(UserStatus.ACTIVE);
        user.setFirstName("Jane");
        user.setLastName("Doe");
        user.setEmail(username + "@example.com");
        user.setCompanyName("Doe Ltd");
        return user;
    }

    static XMLGregorianCalendar now() {
        try {
            // formatted: LocalDateTime.toString() leaves out seconds that are zero, which is no xs:dateTime
            return DatatypeFactory.newInstance()
                    .newXMLGregorianCalendar(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
                            LocalDateTime.now().withNano(0)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The id of serveradmin's plan or add-on plan named {@code name}. */
    static int planId(EnterpriseServerClient client, String name, boolean addon) {
        List<Map<String, String>> rows = addon ? client.getHostingAddons(1) : client.getHostingPlans(1);
        return rows.stream()
                .filter(r -> name.equals(r.get("PlanName")))
                .findFirst()
                .map(r -> Integer.parseInt(r.get("PlanID")))
                .orElseThrow(() -> new AssertionError("no plan " + name + " in " + rows));
    }

    static PackageAddonInfo addon(int packageId, int planId, int quantity) {
        PackageAddonInfo addon = new PackageAddonInfo();
        addon.setPackageId(packageId);
        addon.setPlanId(planId);
        addon.setQuantity(quantity);
        addon.setStatusId(1);
        addon.setPurchaseDate(now());
        addon.setComments("test add-on");
        return addon;
    }

    static HostingPlanInfo plan(String name, int packageId, Map<Integer, Integer> quotas) {
        HostingPlanInfo plan = new HostingPlanInfo();
        plan.setPlanName(name);
        plan.setPlanDescription("made by a test");
        plan.setAvailable(true);
        plan.setPackageId(packageId);
        plan.setSetupPrice(BigDecimal.ZERO);
        plan.setRecurringPrice(new BigDecimal("9.50"));
        plan.setRecurrenceUnit(2);
        plan.setRecurrenceLength(1);
        ArrayOfHostingPlanQuotaInfo values = new ArrayOfHostingPlanQuotaInfo();
        quotas.forEach((id, value) -> {
            HostingPlanQuotaInfo quota = new HostingPlanQuotaInfo();
            quota.setQuotaId(id);
            quota.setQuotaValue(value);
            values.getHostingPlanQuotaInfo().add(quota);
        });
        plan.setQuotas(values);
        return plan;
    }
}
