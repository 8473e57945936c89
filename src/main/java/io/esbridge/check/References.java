package io.esbridge.check;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.esbridge.contract.UserInfo;
import io.esbridge.record.AddonRecord;
import io.esbridge.record.CustomerRecord;
import io.esbridge.record.PlanRecord;
import io.esbridge.record.RecordType;
import io.esbridge.record.SubscriptionRecord;

/**
 * The references of the inputs, followed across every input and the state store's links: subscriptions to customers,
 * add-ons to subscriptions, customers and reseller plans to their owners (a reseller, with no cycle), plan names to
 * the plans input or the target's plans of that owner. Each broken one is what an import would refuse.
 */
final class References {

    private final PreflightCheck.Known known;
    private final CheckReport report;

    References(PreflightCheck.Known known, CheckReport report) {
        this.known = known;
        this.report = report;
    }

    void check() {
        duplicates(known.inputs.plans, RecordType.PLAN);
        duplicates(known.inputs.customers, RecordType.CUSTOMER);
        duplicates(known.inputs.subscriptions, RecordType.SUBSCRIPTION);
        duplicates(known.inputs.addons, RecordType.ADDON);
        known.inputs.customers.forEach(this::owner);
        known.inputs.plans.forEach(this::planOwner);
        known.inputs.subscriptions.forEach(this::subscription);
        known.inputs.addons.forEach(this::addon);
    }

    private <T> void duplicates(List<CheckInputs.Read<T>> records, RecordType type) {
        Map<String, CheckInputs.Read<T>> first = new HashMap<>();
        for (CheckInputs.Read<T> read : records) {
            CheckInputs.Read<T> earlier = first.putIfAbsent(read.key(), read);
            if (earlier != null) {
                report.add(new Finding(
                        FindingKind.DUPLICATE_KEY,
                        read.source(),
                        type,
                        read.key(),
                        "(key)",
                        "the same billing key as " + earlier.source() + "; this later record is applied after it"));
            }
        }
    }

    private void owner(CheckInputs.Read<CustomerRecord> read) {
        String ownerKey = read.record().ownerKey();
        if (ownerKey == null) {
            return;
        }
        if (ownerKey.equals(read.key())) {
            report.add(finding(FindingKind.OWNER_CYCLE, read, RecordType.CUSTOMER, "OwnerKey", "is its own owner"));
            return;
        }
        if (resellerOrReported(read, RecordType.CUSTOMER, ownerKey) && cycles(read.key())) {
            report.add(finding(
                    FindingKind.OWNER_CYCLE,
                    read,
                    RecordType.CUSTOMER,
                    "OwnerKey",
                    "owner " + ownerKey + " is, through its own owners, owned by this customer: none of them can be"
                            + " created first"));
        }
    }

    /** Whether following the owners of the inputs from {@code key}'s owner leads back to {@code key}. */
    private boolean cycles(String key) {
        Set<String> seen = new HashSet<>();
        String current = known.customers.get(key).record().ownerKey();
        while (current != null && seen.add(current)) {
            if (current.equals(key)) {
                return true;
            }
            var owner = known.customers.get(current);
            current = owner == null ? null : owner.record().ownerKey();
        }
        return false;
    }

    /** Whether the owner is a reseller of the inputs or a linked one; reports it otherwise. */
    private boolean resellerOrReported(CheckInputs.Read<?> read, RecordType type, String ownerKey) {
        var input = known.customers.get(ownerKey);
        if (input != null) {
            if (!input.record().reseller()) {
                report.add(finding(
                        FindingKind.OWNER_NOT_RESELLER,
                        read,
                        type,
                        "OwnerKey",
                        "owner " + ownerKey + " (" + input.source() + ") has RoleId "
                                + input.record().roleId() + ", not 2 (reseller): it cannot own users or plans"));
                return false;
            }
            return true;
        }
        Optional<Integer> userId = known.userIdOf(ownerKey);
        if (userId.isEmpty()) {
            report.add(finding(
                    FindingKind.OWNER_MISSING,
                    read,
                    type,
                    "OwnerKey",
                    "owner " + ownerKey + " is neither a valid customer of the inputs nor linked in the state store"));
            return false;
        }
        Optional<UserInfo> user = known.target.user(userId.get());
        if (user.isEmpty()) {
            report.add(finding(
                    FindingKind.OWNER_MISSING,
                    read,
                    type,
                    "OwnerKey",
                    "owner " + ownerKey + " is linked to user " + userId.get() + ", which the target does not have"));
            return false;
        }
        if (user.get().getRoleId() != CustomerRecord.ROLE_RESELLER) {
            report.add(finding(
                    FindingKind.OWNER_NOT_RESELLER,
                    read,
                    type,
                    "OwnerKey",
                    "owner " + ownerKey + " is user " + userId.get() + " of the target, whose RoleId is "
                            + user.get().getRoleId() + ", not 2 (reseller)"));
            return false;
        }
        return true;
    }

    private void planOwner(CheckInputs.Read<PlanRecord> read) {
        if (read.record().ownerKey() != null && !read.record().ended()) {
            resellerOrReported(read, RecordType.PLAN, read.record().ownerKey());
        }
    }

    private void subscription(CheckInputs.Read<SubscriptionRecord> read) {
        SubscriptionRecord subscription = read.record();
        if (subscription.ended()) {
            // an ended service is cancelled if linked and otherwise left alone: nothing it names is needed
            return;
        }
        String customerKey = subscription.customerKey();
        if (!known.customers.containsKey(customerKey)
                && known.linked(RecordType.CUSTOMER, customerKey).isEmpty()) {
            report.add(finding(
                    FindingKind.CUSTOMER_MISSING,
                    read,
                    RecordType.SUBSCRIPTION,
                    "CustomerKey",
                    "customer " + customerKey
                            + " is neither a valid customer of the inputs nor linked in the state store"));
            return;
        }
        if (subscription.planId() == null) {
            plan(read, RecordType.SUBSCRIPTION, customerKey, subscription.planName(), false);
        }
    }

    private void addon(CheckInputs.Read<AddonRecord> read) {
        AddonRecord addon = read.record();
        if (addon.ended()) {
            return;
        }
        String subscriptionKey = addon.subscriptionKey();
        var inInputs = known.subscriptions.get(subscriptionKey);
        if (inInputs == null
                && known.linked(RecordType.SUBSCRIPTION, subscriptionKey).isEmpty()) {
            report.add(finding(
                    FindingKind.SUBSCRIPTION_MISSING,
                    read,
                    RecordType.ADDON,
                    "SubscriptionKey",
                    "subscription " + subscriptionKey
                            + " is neither a valid subscription of the inputs nor linked in the state store"));
            return;
        }
        String customerKey = addon.customerKey() != null
                ? addon.customerKey()
                : inInputs != null
                        ? inInputs.record().customerKey()
                        : known.links.customerKeyOfSubscription(subscriptionKey).orElse(null);
        if (addon.planId() == null && customerKey != null) {
            plan(read, RecordType.ADDON, customerKey, addon.planName(), true);
        }
    }

    private void plan(CheckInputs.Read<?> read, RecordType type, String customerKey, String name, boolean addon) {
        known.scopeOf(customerKey).ifPresent(scope -> {
            if (!known.planKnown(scope, name, addon)) {
                report.add(finding(
                        FindingKind.PLAN_UNKNOWN,
                        read,
                        type,
                        "PlanName",
                        "no " + (addon ? "add-on plan" : "hosting plan") + " named '" + name
                                + "' is in the plans input or among " + scope.describe()));
            }
        });
    }

    private static Finding finding(
            FindingKind kind, CheckInputs.Read<?> read, RecordType type, String field, String reason) {
        return new Finding(kind, read.source(), type, read.key(), field, reason);
    }
}
