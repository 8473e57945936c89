package io.esbridge.check;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.esbridge.catalogue.QuotaCatalogue;
import io.esbridge.contract.UserInfo;
import io.esbridge.provisioning.ProvisioningProperties;
import io.esbridge.provisioning.ProvisioningProperties.MissingPasswordPolicy;
import io.esbridge.provisioning.ProvisioningProperties.UsernameTakenPolicy;
import io.esbridge.record.CustomerRecord;
import io.esbridge.record.PlanRecord;
import io.esbridge.record.RecordType;

/**
 * What the new records of the inputs meet on the target, graded as provisioning would decide it: a username taken
 * (adopted by {@code es.provisioning.username-taken=ADOPT} when the e-mail is the same and no other customer holds it,
 * refused otherwise), a new customer without password ({@code es.provisioning.missing-password}), a plan the target
 * already has by name (adopted, and its quotas set to the input's: the ones the input does not name are lost).
 */
final class TargetClashes {

    private final PreflightCheck.Known known;
    private final ProvisioningProperties policy;
    private final CheckReport report;

    TargetClashes(PreflightCheck.Known known, ProvisioningProperties policy, CheckReport report) {
        this.known = known;
        this.policy = policy;
        this.report = report;
    }

    void check() {
        Map<String, CheckInputs.Read<CustomerRecord>> usernames = new HashMap<>();
        for (CheckInputs.Read<CustomerRecord> read : known.inputs.customers) {
            if (known.customers.get(read.key()) != read) {
                continue; // a later row of the same key: reported as a duplicate, the customer is checked once
            }
            String username = TargetView.normal(read.record().username());
            CheckInputs.Read<CustomerRecord> other = usernames.putIfAbsent(username, read);
            if (other != null) {
                report.add(finding(
                        FindingKind.DUPLICATE_USERNAME,
                        read,
                        RecordType.CUSTOMER,
                        "Username",
                        "'" + read.record().username() + "' is also the username of customer " + other.key() + " ("
                                + other.source() + "): the panel holds one user per username"));
                continue;
            }
            if (known.linked(RecordType.CUSTOMER, read.key()).isEmpty()) {
                newCustomer(read);
            }
        }
        known.inputs.plans.stream()
                .filter(read -> !read.record().ended())
                .filter(read -> known.linked(RecordType.PLAN, read.key()).isEmpty())
                .forEach(this::newPlan);
    }

    private void newCustomer(CheckInputs.Read<CustomerRecord> read) {
        CustomerRecord customer = read.record();
        Optional<UserInfo> taken = known.target.user(customer.username());
        if (taken.isPresent()) {
            UserInfo user = taken.get();
            Optional<String> holder = known.links.billingKeyOf(RecordType.CUSTOMER, user.getUserId());
            String refused = null;
            if (holder.isPresent()) {
                refused =
                        "belongs to user " + user.getUserId() + ", already linked to billing customer " + holder.get();
            } else if (policy.usernameTaken() == UsernameTakenPolicy.FAIL) {
                refused = "is taken by user " + user.getUserId() + " (es.provisioning.username-taken=FAIL)";
            } else if (!sameText(user.getEmail(), customer.email())) {
                refused = "is taken by user " + user.getUserId() + " with another e-mail address: not adopted";
            }
            report.add(
                    refused != null
                            ? finding(
                                    FindingKind.USERNAME_TAKEN,
                                    read,
                                    RecordType.CUSTOMER,
                                    "Username",
                                    "'" + customer.username() + "' " + refused)
                            : finding(
                                    FindingKind.USERNAME_ADOPTED,
                                    read,
                                    RecordType.CUSTOMER,
                                    "Username",
                                    "'" + customer.username() + "' is taken by user " + user.getUserId()
                                            + " with the same e-mail: it is adopted"
                                            + " (es.provisioning.username-taken=ADOPT) and updated from billing"));
            return;
        }
        if (customer.password() == null || customer.password().isEmpty()) {
            boolean fail = policy.missingPassword() == MissingPasswordPolicy.FAIL;
            report.add(finding(
                    fail ? FindingKind.PASSWORD_MISSING : FindingKind.PASSWORD_GENERATED,
                    read,
                    RecordType.CUSTOMER,
                    "Password",
                    fail
                            ? "none given, and es.provisioning.missing-password=FAIL refuses a new user without one"
                            : "none given: a strong random one is generated (es.provisioning.missing-password)"));
        }
    }

    private void newPlan(CheckInputs.Read<PlanRecord> read) {
        PlanRecord plan = read.record();
        Integer ownerUserId = plan.ownerKey() == null
                ? known.admin().ownerUserId()
                : known.userIdOf(plan.ownerKey()).orElse(null);
        if (ownerUserId == null) {
            return; // a reseller not yet on the target has no plans there
        }
        Optional<Integer> existing = known.target.plan(ownerUserId, plan.name(), plan.addon());
        if (existing.isEmpty()) {
            return;
        }
        report.add(finding(
                FindingKind.PLAN_ADOPTED,
                read,
                RecordType.PLAN,
                "PlanName",
                "'" + plan.name() + "' is plan " + existing.get() + " of user " + ownerUserId
                        + " on the target: it is adopted and aligned with this record (UpdateHostingPlan)"));
        Optional<Set<Integer>> onTarget = known.target.quotas(existing.get());
        if (onTarget.isEmpty()) {
            return;
        }
        Set<Integer> inInput =
                plan.quotas().stream().map(PlanRecord.Quota::quotaId).collect(Collectors.toCollection(TreeSet::new));
        Set<Integer> dropped = new TreeSet<>(onTarget.get());
        dropped.removeAll(inInput);
        Set<Integer> added = new TreeSet<>(inInput);
        added.removeAll(onTarget.get());
        if (!dropped.isEmpty()) {
            report.add(finding(
                    FindingKind.PLAN_QUOTAS_DROPPED,
                    read,
                    RecordType.PLAN,
                    "Quotas",
                    "target plan '" + plan.name() + "' sets " + names(dropped)
                            + ", which this record does not: aligning the plan removes them"));
        }
        if (!added.isEmpty()) {
            report.add(finding(
                    FindingKind.PLAN_QUOTAS_ADDED,
                    read,
                    RecordType.PLAN,
                    "Quotas",
                    "this record adds " + names(added) + " to target plan '" + plan.name() + "'"));
        }
    }

    /** Quotas by their catalogue names ("Mail Accounts (Mail)"), which an operator recognises; ids when unknown. */
    private static String names(Set<Integer> quotaIds) {
        QuotaCatalogue catalogue = QuotaCatalogue.get();
        return quotaIds.stream()
                .map(id -> catalogue
                        .quota(id)
                        .map(q -> "'" + q.description() + "' (" + q.groupName() + ", quota " + id + ")")
                        .orElse("quota " + id))
                .collect(Collectors.joining(", "));
    }

    /** E-mail addresses as provisioning compares them before adopting a user: trimmed, regardless of case. */
    private static boolean sameText(String a, String b) {
        return a != null && b != null && TargetView.normal(a).equals(TargetView.normal(b));
    }

    private static Finding finding(
            FindingKind kind, CheckInputs.Read<?> read, RecordType type, String field, String reason) {
        return new Finding(kind, read.source(), type, read.key(), field, reason);
    }
}
