package io.esbridge.provisioning;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.esbridge.client.EnterpriseServerClient;
import io.esbridge.client.StatusIds;
import io.esbridge.contract.PackageInfo;
import io.esbridge.contract.PackageStatus;
import io.esbridge.provisioning.ProvisioningException.Reason;
import io.esbridge.provisioning.ProvisioningProperties.EndedSubscriptionPolicy;
import io.esbridge.record.RecordType;
import io.esbridge.record.SubscriptionRecord;
import io.esbridge.run.Outcome;
import io.esbridge.state.Link;
import io.esbridge.state.LinkData;

/**
 * Subscription → hosting space of its customer's user. First sight: AddPackage. Later: UpdatePackage for a plan
 * change, UpdatePackageName for name or comments, ChangePackageStatus for the status, and for a subscription that
 * ended, a cancel or a delete by policy. A subscription whose customer is not provisioned fails clearly: never an
 * orphan space.
 */
@Component
class SubscriptionProvisioner {

    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionProvisioner.class);

    /**
     * @param quotas left out of the JSON while empty: the applied state of every space on its plan's limits stays what
     *               it was before spaces could have their own, so no link reads as changed
     */
    record AppliedSubscription(
            Integer planId,
            String planName,
            String packageName,
            String comments,
            String status,
            boolean ended,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<Integer, Integer> quotas) {

        static AppliedSubscription of(SubscriptionRecord r) {
            return new AppliedSubscription(
                    r.planId(),
                    r.planName(),
                    r.packageName(),
                    r.comments(),
                    r.status().name(),
                    r.ended(),
                    r.quotas());
        }

        /** What AddPackage alone applies: a space on its plan's limits, until UpdatePackage sets its own. */
        AppliedSubscription onPlanLimits() {
            return new AppliedSubscription(planId, planName, packageName, comments, status, ended, Map.of());
        }
    }

    private final EnterpriseServerClient client;
    private final ObjectMapper mapper;
    private final PlanDirectory plans;
    private final EndedSubscriptionPolicy endedPolicy;
    private final boolean adoptSpaces;
    private final CreatedSinceIntent createdSinceIntent;
    private final UserOwners owners;
    private final ResellerCascade cascade;

    SubscriptionProvisioner(
            EnterpriseServerClient client,
            ObjectMapper mapper,
            PlanDirectory plans,
            ProvisioningProperties properties,
            CreatedSinceIntent createdSinceIntent,
            UserOwners owners,
            ResellerCascade cascade) {
        this.createdSinceIntent = createdSinceIntent;
        this.owners = owners;
        this.cascade = cascade;
        this.client = client;
        this.mapper = mapper;
        this.plans = plans;
        this.endedPolicy = properties.endedSubscription();
        this.adoptSpaces = properties.adoptSpaces();
    }

    Outcome provision(SubscriptionRecord record, ProvisioningContext ctx) {
        AppliedState state = AppliedState.of(mapper, AppliedSubscription.of(record));
        Optional<Link> link = ctx.links().find(RecordType.SUBSCRIPTION, record.key());
        if (link.isPresent() && link.get().state() == io.esbridge.state.LinkState.DELETED) {
            return Outcome.UNCHANGED;
        }
        Link customer = customer(record, ctx);
        int userId = customer.esId();
        if (link.isPresent() && !link.get().applied()) {
            link = reconcile(link.get(), customer, record, ctx);
            if (link.isPresent()) {
                return Provisioner.createdEarlier(laterSight(record, link.get(), customer, state, ctx));
            }
        }
        if (link.isEmpty()) {
            if (record.ended()) {
                return Outcome.UNCHANGED;
            }
            // resolved among the owner's plans before the write: a plan of another owner is refused, nothing written
            int planId = planId(customer, record.planId(), record.planName());
            Optional<PackageInfo> existing =
                    adoptSpaces ? unlinkedSpace(userId, planId, record, ctx) : Optional.empty();
            if (existing.isPresent()) {
                Link adopted = ctx.link(
                        RecordType.SUBSCRIPTION,
                        record.key(),
                        existing.get().getPackageId(),
                        LinkData.UNKNOWN.withParent(userId));
                laterSight(record, adopted, customer, state, ctx);
                return Outcome.UPDATED;
            }
            // the space's own limits are a second call: the link records the plan's until that call is answered, so
            // a crash between the two leaves a space that the next run sees as changed, and gives its limits
            AppliedState created = record.quotas().isEmpty()
                    ? state
                    : AppliedState.of(mapper, AppliedSubscription.of(record).onPlanLimits());
            Link space = ctx.create(
                    "AddPackage",
                    RecordType.SUBSCRIPTION,
                    record.key(),
                    record.packageName(),
                    created.data(userId, null),
                    () -> client.addPackage(
                            userId,
                            planId,
                            record.packageName(),
                            record.comments(),
                            record.status(),
                            DateTimes.wire(record.purchaseDate())));
            if (!record.quotas().isEmpty()) {
                ctx.write("UpdatePackage", () -> updatePackage(space.esId(), planId, record));
                ctx.link(RecordType.SUBSCRIPTION, record.key(), space.esId(), state.data(userId, null));
            }
            return Outcome.CREATED;
        }
        return laterSight(record, link.get(), customer, state, ctx);
    }

    /**
     * es.provisioning.adopt-spaces: the user's unlinked space on this plan that another tool made, to be linked
     * instead of created (then aligned with billing like any space whose applied state is unknown): the one of the
     * record's name, else the only one. Several and none of that name: a person decides, nothing is created.
     */
    private Optional<PackageInfo> unlinkedSpace(
            int userId, int planId, SubscriptionRecord record, ProvisioningContext ctx) {
        List<PackageInfo> candidates = client.getMyPackages(userId).stream()
                .filter(p -> p.getUserId() == userId && p.getPlanId() == planId)
                .filter(p -> ctx.links()
                        .billingKeyOf(RecordType.SUBSCRIPTION, p.getPackageId())
                        .isEmpty())
                .toList();
        Optional<PackageInfo> named = candidates.stream()
                .filter(p ->
                        record.packageName() != null && record.packageName().equals(p.getPackageName()))
                .findFirst();
        if (named.isPresent() || candidates.size() <= 1) {
            return named.isPresent() ? named : candidates.stream().findFirst();
        }
        throw new ProvisioningException(
                Reason.AMBIGUOUS_MATCH,
                "subscription " + record.key() + ": user " + userId + " has " + candidates.size()
                        + " unlinked spaces on its plan, none named '" + record.packageName()
                        + "' (es.provisioning.adopt-spaces): link one by hand");
    }

    /** The plan, by id or name, among the plans of the customer's owner (PLAN_NOT_OWNERS for any other plan). */
    private int planId(Link customer, Integer planId, String planName) {
        return plans.hostingPlanId(
                owners.ownerOf(customer),
                planId,
                planName,
                "customer " + customer.billingKey() + " (user " + customer.esId() + ")");
    }

    private Link customer(SubscriptionRecord record, ProvisioningContext ctx) {
        return ctx.links()
                .find(RecordType.CUSTOMER, record.customerKey())
                .filter(Link::applied)
                .orElseThrow(() -> new ProvisioningException(
                        Reason.CUSTOMER_NOT_PROVISIONED,
                        "customer "
                                + record.customerKey() + " of subscription " + record.key()
                                + " is not provisioned yet: import or fix the customer first"));
    }

    /**
     * An AddPackage was announced and its outcome is unknown: the space it made is an unlinked space of the user with
     * everything that was sent (name, plan, comments, status, purchase date). A space that differs in any of them
     * existed before (made by hand, by another tool) and is not taken for ours: the create is made again.
     */
    private Optional<Link> reconcile(Link pending, Link customer, SubscriptionRecord record, ProvisioningContext ctx) {
        int userId = customer.esId();
        AppliedSubscription sent = AppliedState.read(mapper, pending.appliedJson(), AppliedSubscription.class);
        int planId = planId(customer, sent.planId(), sent.planName());
        int statusId = StatusIds.id(PackageStatus.valueOf(sent.status()));
        List<PackageInfo> candidates = client.getMyPackages(userId).stream()
                .filter(p ->
                        pending.intentName() != null && pending.intentName().equals(p.getPackageName()))
                .filter(p -> p.getPlanId() == planId
                        && p.getStatusId() == statusId
                        && CreatedSinceIntent.sameOptional(p.getPackageComments(), sent.comments())
                        && createdSinceIntent.purchasedAsSent(p.getPurchaseDate(), record.purchaseDate(), pending))
                .filter(p -> ctx.links()
                        .billingKeyOf(RecordType.SUBSCRIPTION, p.getPackageId())
                        .isEmpty())
                .toList();
        if (candidates.isEmpty()) {
            ctx.forgetIntent(pending);
            return Optional.empty();
        }
        if (candidates.size() > 1) {
            throw new ProvisioningException(
                    Reason.AMBIGUOUS_MATCH,
                    "an interrupted AddPackage for subscription "
                            + pending.billingKey() + " may have created one of " + candidates.size()
                            + " unlinked spaces"
                            + " named '" + pending.intentName() + "' of user " + userId + ": resolve by hand");
        }
        return Optional.of(ctx.linkFound(pending, candidates.get(0).getPackageId()));
    }

    /**
     * ChangePackageStatus to billing's status, unless that reactivates a space of a customer covered by a suspended
     * reseller's cascade: the space would then run under a suspended reseller. It is left as the server has it and the
     * link takes billing's status, so the reseller's reactivation (whose cascade reactivates the space) finds nothing
     * to put back.
     */
    private void changeStatus(SubscriptionRecord record, int packageId, Link customer, ProvisioningContext ctx) {
        Optional<String> heldBy =
                record.status() == PackageStatus.ACTIVE ? cascade.heldBy(customer.billingKey(), ctx) : Optional.empty();
        if (heldBy.isPresent()) {
            LOG.info(
                    "subscription {}: active in billing, left as the server has it while the reseller {} of its"
                            + " customer {} is suspended (cascade); it comes back with {}",
                    record.key(),
                    heldBy.get(),
                    customer.billingKey(),
                    heldBy.get());
            return;
        }
        ctx.write("ChangePackageStatus", () -> client.changePackageStatus(packageId, record.status()));
    }

    /**
     * UpdatePackage with the space as the server has it, on {@code planId} and with the subscription's own limits
     * (or the plan's): a space whose limits are its own keeps them through a plan change, since the server replaces
     * them only with the ones sent.
     */
    private void updatePackage(int packageId, int planId, SubscriptionRecord record) {
        PackageInfo current = client.getPackage(packageId)
                .orElseThrow(() -> new ProvisioningException(
                        Reason.GONE_FROM_SERVER,
                        "space " + packageId + " (billing subscription " + record.key()
                                + ") no longer exists on the server"));
        current.setPlanId(planId);
        SpaceQuotaOverrides.apply(client, current, planId, record.quotas());
        client.updatePackage(current);
    }

    private Outcome laterSight(
            SubscriptionRecord record, Link link, Link customer, AppliedState state, ProvisioningContext ctx) {
        if (state.sameAs(link.fingerprint())) {
            return Outcome.UNCHANGED;
        }
        int packageId = link.esId();
        if (record.ended()) {
            if (endedPolicy == EndedSubscriptionPolicy.DELETE) {
                ctx.write("DeletePackage", () -> client.deletePackage(packageId));
                ctx.markDeleted(RecordType.SUBSCRIPTION, record.key());
                return Outcome.UPDATED;
            }
            ctx.write("ChangePackageStatus", () -> client.changePackageStatus(packageId, PackageStatus.CANCELLED));
        } else {
            if (AppliedState.changed(mapper, link.appliedJson(), state, "planId", "planName", "quotas")) {
                int planId = planId(customer, record.planId(), record.planName());
                ctx.write("UpdatePackage", () -> updatePackage(packageId, planId, record));
            }
            if (AppliedState.changed(mapper, link.appliedJson(), state, "packageName", "comments")) {
                ctx.write(
                        "UpdatePackageName",
                        () -> client.updatePackageName(packageId, record.packageName(), record.comments()));
            }
            if (AppliedState.changed(mapper, link.appliedJson(), state, "status", "ended")) {
                changeStatus(record, packageId, customer, ctx);
            }
        }
        ctx.link(RecordType.SUBSCRIPTION, record.key(), packageId, state.data(link.parentEsId(), null));
        return ctx.operations().isEmpty() ? Outcome.UNCHANGED : Outcome.UPDATED;
    }
}
