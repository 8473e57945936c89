package io.esbridge.mapping;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

import io.esbridge.catalogue.QuotaCatalogue;
import io.esbridge.contract.PackageStatus;
import io.esbridge.contract.UserStatus;
import io.esbridge.record.AddonRecord;
import io.esbridge.record.CustomerRecord;
import io.esbridge.record.PlanRecord;
import io.esbridge.record.ProvisioningRecord;
import io.esbridge.record.RecordType;
import io.esbridge.record.SubscriptionRecord;

/**
 * Builds the record of a type from mapped fields, checking what the Enterprise Server would refuse before any SOAP
 * call: required fields (the MSPControl document lists them for {@code UserInfo}), the username rule of
 * {@code AddUser} (-111), e-mail shape, dates, numbers, statuses, plans and quotas.
 */
final class RecordFactory {

    /** Characters {@code UserController.AddUser} refuses in a username (code -111). */
    private static final String USERNAME_FORBIDDEN = "\\/:*?<>|\"";

    private static final int ROLE_USER = 3;

    private RecordFactory() {}

    static ProvisioningRecord build(RecordType type, String key, MappedFields f) {
        return switch (type) {
            case CUSTOMER -> customer(key, f);
            case SUBSCRIPTION -> subscription(key, f);
            case ADDON -> addon(key, f);
            case PLAN -> plan(key, f);
        };
    }

    private static CustomerRecord customer(String key, MappedFields f) {
        String username = f.required("Username");
        for (char c : username.toCharArray()) {
            if (USERNAME_FORBIDDEN.indexOf(c) >= 0) {
                throw f.reject(
                        "Username", username, "contains '" + c + "'; the server refuses any of \\ / : * ? < > | \"");
            }
        }
        // the owner is a constant user id (serveradmin, a known reseller) or another billing record, by its key
        String ownerKey = f.text("OwnerKey");
        return new CustomerRecord(
                key,
                username,
                f.required("Password"),
                f.required("FirstName"),
                f.required("LastName"),
                f.email("Email", true),
                f.enumValue("Status", UserStatus.class, true),
                ownerKey == null ? f.integer("OwnerId", true) : f.integer("OwnerId", 0),
                ownerKey,
                f.integer("RoleId", ROLE_USER),
                f.bool("IsDemo", false),
                f.bool("IsPeer", false),
                f.bool("SendLetter", false),
                f.text("CompanyName"),
                f.text("Address"),
                f.text("City"),
                f.text("State"),
                f.text("Zip"),
                f.text("Country"),
                f.text("PrimaryPhone"),
                f.text("SecondaryPhone"),
                f.text("Fax"),
                f.email("SecondaryEmail", false),
                f.text("InstantMessenger"),
                f.bool("HtmlMail", true),
                f.text("Comments"),
                f.text("SubscriberNumber"),
                notes(f.text("Notes")));
    }

    private static SubscriptionRecord subscription(String key, MappedFields f) {
        String customerKey = f.required("CustomerKey");
        Integer planId = f.integer("PlanId", false);
        String planName = planId == null ? f.required("PlanName") : f.text("PlanName");
        return new SubscriptionRecord(
                key,
                customerKey,
                planId,
                planName,
                f.text("PackageName"),
                f.text("PackageComments"),
                f.enumValue("Status", PackageStatus.class, true),
                f.dateTime("PurchaseDate", true),
                f.bool("Ended", false),
                // the space's own limits, written as a plan's are ('Quota name=value'); none: the plan's
                quotas(f));
    }

    private static AddonRecord addon(String key, MappedFields f) {
        String subscriptionKey = f.required("SubscriptionKey");
        // optional: an add-on that names only its subscription is provisioned in that subscription's customer's order
        String customerKey = f.text("CustomerKey");
        Integer planId = f.integer("PlanId", false);
        String planName = planId == null ? f.required("PlanName") : f.text("PlanName");
        int quantity = f.integer("Quantity", 1);
        if (quantity < 1) {
            throw f.reject("Quantity", String.valueOf(quantity), "must be at least 1");
        }
        return new AddonRecord(
                key,
                subscriptionKey,
                customerKey,
                planId,
                planName,
                quantity,
                f.enumValue("Status", PackageStatus.class, true),
                f.dateTime("PurchaseDate", true),
                f.text("Comments"),
                f.bool("Ended", false));
    }

    private static PlanRecord plan(String key, MappedFields f) {
        Map<Integer, Integer> quotas = quotas(f);
        Map<Integer, PlanRecord.Group> groups = new LinkedHashMap<>();
        QuotaCatalogue catalogue = QuotaCatalogue.get();
        for (String name : list(f.text("Groups"))) {
            int id = catalogued(f, "Groups", name, () -> catalogue.groupId(name));
            groups.put(id, new PlanRecord.Group(id, true, true, true));
        }
        // a quota counts only when its resource group is enabled: enable the groups the quotas belong to
        for (int quotaId : quotas.keySet()) {
            int groupId =
                    catalogue.groupId(catalogue.quota(quotaId).orElseThrow().groupName());
            groups.putIfAbsent(groupId, new PlanRecord.Group(groupId, true, true, true));
        }
        return new PlanRecord(
                key,
                f.required("PlanName"),
                f.text("PlanDescription"),
                f.bool("IsAddon", false),
                f.bool("Available", true),
                f.decimal("SetupPrice"),
                f.decimal("RecurringPrice"),
                f.integer("RecurrenceUnit", 2),
                f.integer("RecurrenceLength", 1),
                new ArrayList<>(groups.values()),
                quotas.entrySet().stream()
                        .map(q -> new PlanRecord.Quota(q.getKey(), q.getValue()))
                        .toList(),
                f.bool("Ended", false),
                f.text("OwnerKey"),
                f.text("SpaceKey"));
    }

    /**
     * {@code Web Sites=5; Mail Accounts=unlimited; Disk space, MB=1000; Web / Frontpage=yes}; sizes may carry their
     * unit ({@code Disk space, MB=1G}, see {@link QuotaValues}).
     */
    private static Map<Integer, Integer> quotas(MappedFields f) {
        Map<Integer, Integer> quotas = new LinkedHashMap<>();
        for (String entry : list(f.text("Quotas"))) {
            int eq = entry.lastIndexOf('=');
            if (eq < 0) {
                throw f.reject("Quotas", entry, "is not written 'Quota name=value'");
            }
            String name = entry.substring(0, eq).strip();
            int id = catalogued(f, "Quotas", name, () -> QuotaCatalogue.get().quotaId(name));
            try {
                quotas.put(id, QuotaValues.of(id, entry.substring(eq + 1)));
            } catch (IllegalArgumentException e) {
                throw f.reject("Quotas", entry, e.getMessage());
            }
        }
        return quotas;
    }

    private static int catalogued(MappedFields f, String field, String name, IntSupplier lookup) {
        try {
            return lookup.getAsInt();
        } catch (IllegalArgumentException e) {
            throw f.reject(field, name, e.getMessage());
        }
    }

    private static List<String> list(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split(";"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static List<String> notes(String text) {
        return text == null ? List.of() : List.of(text);
    }
}
