package io.esbridge.provisioning;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.esbridge.client.EnterpriseServerClient;
import io.esbridge.client.StatusIds;
import io.esbridge.contract.PackageAddonInfo;
import io.esbridge.contract.PackageStatus;
import io.esbridge.provisioning.ProvisioningException.Reason;
import io.esbridge.record.AddonRecord;
import io.esbridge.record.RecordType;
import io.esbridge.run.Outcome;
import io.esbridge.state.Link;
import io.esbridge.state.LinkState;

/**
 * Add-on → package add-on of its subscription's space: AddPackageAddon, UpdatePackageAddon (quantity, status, plan,
 * comments), DeletePackageAddon when it ended.
 */
@Component
class AddonProvisioner {

    record AppliedAddon(Integer planId, String planName, int quantity, String status, String comments, boolean ended) {

        static AppliedAddon of(AddonRecord r) {
            return new AppliedAddon(
                    r.planId(), r.planName(), r.quantity(), r.status().name(), r.comments(), r.ended());
        }
    }

    private final EnterpriseServerClient client;
    private final ObjectMapper mapper;
    private final PlanDirectory plans;
    private final CreatedSinceIntent createdSinceIntent;
    private final UserOwners owners;
    /** es.provisioning.adopt-spaces: a space taken over keeps the add-ons the other tool put on it. */
    private final boolean adoptAddons;

    AddonProvisioner(
            EnterpriseServerClient client,
            ObjectMapper mapper,
            PlanDirectory plans,
            CreatedSinceIntent createdSinceIntent,
            UserOwners owners) {
        this(client, mapper, plans, createdSinceIntent, owners, false);
    }

    @org.springframework.beans.factory.annotation.Autowired
    AddonProvisioner(
            EnterpriseServerClient client,
            ObjectMapper mapper,
            PlanDirectory plans,
            CreatedSinceIntent createdSinceIntent,
            UserOwners owners,
            ProvisioningProperties properties) {
        this(client, mapper, plans, createdSinceIntent, owners, properties.adoptSpaces());
    }

    private AddonProvisioner(
            EnterpriseServerClient client,
            ObjectMapper mapper,
            PlanDirectory plans,
            CreatedSinceIntent createdSinceIntent,
            UserOwners owners,
            boolean adoptAddons) {
        this.adoptAddons = adoptAddons;
        this.createdSinceIntent = createdSinceIntent;
        this.owners = owners;
        this.client = client;
        this.mapper = mapper;
        this.plans = plans;
    }

    Outcome provision(AddonRecord record, ProvisioningContext ctx) {
        AppliedState state = AppliedState.of(mapper, AppliedAddon.of(record));
        Optional<Link> link = ctx.links().find(RecordType.ADDON, record.key());
        if (link.isPresent() && link.get().state() == LinkState.DELETED) {
            return Outcome.UNCHANGED;
        }
        if (link.isPresent() && link.get().applied() && state.sameAs(link.get().fingerprint())) {
            return Outcome.UNCHANGED;
        }
        Link subscription = subscription(record, ctx);
        int packageId = subscription.esId();
        // resolved among the plans of the owner of the space's user, before any write: another owner's add-on plan is
        // refused (PLAN_NOT_OWNERS), as the server would accept it outside the owner's limits
        int planId = planId(record, subscription, ctx);
        if (link.isPresent() && !link.get().applied()) {
            link = reconcile(link.get(), packageId, record, ctx);
            if (link.isPresent() && state.sameAs(link.get().fingerprint())) {
                return Outcome.CREATED; // by the earlier attempt, found on the server
            }
        }
        if (link.isEmpty()) {
            if (record.ended()) {
                return Outcome.UNCHANGED;
            }
            Optional<Map<String, String>> existing =
                    adoptAddons ? unlinkedAddon(packageId, planId, record, ctx) : Optional.empty();
            if (existing.isPresent()) {
                int found = Integer.parseInt(trim(existing.get().get("PackageAddonID")));
                if (!asSent(existing.get(), record)) {
                    ctx.write(
                            "UpdatePackageAddon",
                            () -> client.updatePackageAddon(addon(record, packageId, planId, found)));
                }
                ctx.link(RecordType.ADDON, record.key(), found, state.data(packageId, null));
                return ctx.operations().isEmpty() ? Outcome.UNCHANGED : Outcome.UPDATED;
            }
            ctx.create(
                    "AddPackageAddon",
                    RecordType.ADDON,
                    record.key(),
                    String.valueOf(planId),
                    state.data(packageId, null),
                    () -> client.addPackageAddon(addon(record, packageId, planId, 0)));
            return Outcome.CREATED;
        }
        int addonId = link.get().esId();
        if (record.ended()) {
            ctx.write("DeletePackageAddon", () -> client.deletePackageAddon(addonId));
            ctx.markDeleted(RecordType.ADDON, record.key());
            return Outcome.UPDATED;
        }
        ctx.write("UpdatePackageAddon", () -> client.updatePackageAddon(addon(record, packageId, planId, addonId)));
        ctx.link(RecordType.ADDON, record.key(), addonId, state.data(packageId, null));
        return Outcome.UPDATED;
    }

    private int planId(AddonRecord record, Link subscription, ProvisioningContext ctx) {
        // The space's user decides, not the record's customer column: that is where the space actually is. In a dry
        // run every user made in the run shares one placeholder id, so there the record's customer is taken.
        Optional<String> customerKey = subscription.parentEsId() == null || ctx.dryRun()
                ? Optional.ofNullable(record.customerKey())
                : ctx.links().billingKeyOf(RecordType.CUSTOMER, subscription.parentEsId());
        Link customer = customerKey
                .flatMap(key -> ctx.links().find(RecordType.CUSTOMER, key))
                .filter(Link::applied)
                .orElseThrow(() -> new ProvisioningException(
                        Reason.CUSTOMER_NOT_PROVISIONED,
                        "the customer of subscription " + record.subscriptionKey() + " (add-on " + record.key()
                                + ") is not provisioned: import or fix the customer first"));
        return plans.addonPlanId(
                owners.ownerOf(customer),
                record.planId(),
                record.planName(),
                "customer " + customer.billingKey() + " (user " + customer.esId() + ")");
    }

    private Link subscription(AddonRecord record, ProvisioningContext ctx) {
        return ctx.links()
                .find(RecordType.SUBSCRIPTION, record.subscriptionKey())
                .filter(Link::applied)
                .orElseThrow(() -> new ProvisioningException(
                        Reason.SUBSCRIPTION_NOT_PROVISIONED,
                        "subscription "
                                + record.subscriptionKey() + " of add-on " + record.key()
                                + " is not provisioned yet: import or fix the subscription first"));
    }

    /**
     * An AddPackageAddon was announced and its outcome is unknown: the add-on it made is an unlinked add-on of the
     * space with everything that was sent (plan, quantity, status, comments, purchase date); one that differs existed
     * before and is not taken for ours.
     */
    private Optional<Link> reconcile(Link pending, int packageId, AddonRecord record, ProvisioningContext ctx) {
        AppliedAddon sent = AppliedState.read(mapper, pending.appliedJson(), AppliedAddon.class);
        String planId = pending.intentName();
        String statusId = String.valueOf(StatusIds.id(PackageStatus.valueOf(sent.status())));
        List<Integer> candidates = client.getPackageAddons(packageId).stream()
                .filter(row -> planId.equals(trim(row.get("PlanID")))
                        && String.valueOf(sent.quantity()).equals(trim(row.get("Quantity")))
                        && statusId.equals(trim(row.get("StatusID")))
                        && CreatedSinceIntent.sameOptional(row.get("Comments"), sent.comments())
                        && createdSinceIntent.purchasedAsSent(row.get("PurchaseDate"), record.purchaseDate(), pending))
                .map(row -> Integer.parseInt(trim(row.get("PackageAddonID"))))
                .filter(id -> ctx.links().billingKeyOf(RecordType.ADDON, id).isEmpty())
                .toList();
        if (candidates.isEmpty()) {
            ctx.forgetIntent(pending);
            return Optional.empty();
        }
        if (candidates.size() > 1) {
            throw new ProvisioningException(
                    Reason.AMBIGUOUS_MATCH,
                    "an interrupted AddPackageAddon for add-on "
                            + pending.billingKey() + " may have created one of " + candidates.size()
                            + " unlinked add-ons of plan " + planId + " on space " + packageId + ": resolve by hand");
        }
        return Optional.of(ctx.linkFound(pending, candidates.get(0)));
    }

    /**
     * es.provisioning.adopt-spaces: the space's unlinked add-on of this add-on plan that another tool put on it (the
     * WHMCS module's AddPackageAddonById), to be linked rather than added a second time: the only one of that plan,
     * or among several the one of the record's quantity and status. Several alike: a person decides.
     */
    private Optional<Map<String, String>> unlinkedAddon(
            int packageId, int planId, AddonRecord record, ProvisioningContext ctx) {
        List<Map<String, String>> candidates = client.getPackageAddons(packageId).stream()
                .filter(row -> String.valueOf(planId).equals(trim(row.get("PlanID"))))
                .filter(row -> ctx.links()
                        .billingKeyOf(RecordType.ADDON, Integer.parseInt(trim(row.get("PackageAddonID"))))
                        .isEmpty())
                .toList();
        if (candidates.size() <= 1) {
            return candidates.stream().findFirst();
        }
        List<Map<String, String>> alike =
                candidates.stream().filter(row -> asSent(row, record)).toList();
        if (alike.size() == 1) {
            return Optional.of(alike.get(0));
        }
        throw new ProvisioningException(
                Reason.AMBIGUOUS_MATCH,
                "add-on " + record.key() + ": space " + packageId + " has " + candidates.size()
                        + " unlinked add-ons of plan " + planId + " (es.provisioning.adopt-spaces): link one by hand");
    }

    /** Whether an add-on on the panel has the record's quantity, status and comments. */
    private static boolean asSent(Map<String, String> row, AddonRecord record) {
        return String.valueOf(record.quantity()).equals(trim(row.get("Quantity")))
                && String.valueOf(StatusIds.id(record.status())).equals(trim(row.get("StatusID")))
                && CreatedSinceIntent.sameOptional(row.get("Comments"), record.comments());
    }

    private static PackageAddonInfo addon(AddonRecord record, int packageId, int planId, int addonId) {
        PackageAddonInfo addon = new PackageAddonInfo();
        addon.setPackageAddonId(addonId);
        addon.setPackageId(packageId);
        addon.setPlanId(planId);
        addon.setQuantity(record.quantity());
        addon.setStatusId(StatusIds.id(record.status()));
        addon.setPurchaseDate(DateTimes.wire(record.purchaseDate()));
        addon.setComments(record.comments());
        return addon;
    }

    private static String trim(String text) {
        return text == null ? "" : text.strip();
    }
}
