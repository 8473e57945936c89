package io.esbridge.provisioning;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import io.esbridge.client.EnterpriseServerClient;
import io.esbridge.contract.PackageInfo;
import io.esbridge.provisioning.ProvisioningException.Reason;
import io.esbridge.record.PlanRecord;
import io.esbridge.record.RecordType;
import io.esbridge.state.Link;

/**
 * Where a plan record goes on the server: the user that owns it ({@code HostingPlanInfo.UserId}) and the space it is
 * carved from ({@code PackageId}). An administrator's plan belongs to {@code es.provisioning.plan-owner-id} and has no
 * space; a reseller's plan ({@code OwnerKey}) belongs to the reseller's user and lives in one of the reseller's own
 * spaces, so that its customers' spaces hang under that space and within its limits.
 */
@Component
class PlanPlacement {

    /** @param packageId the reseller's space, 0 for an administrator's plan (the server then uses no space) */
    record Placement(int userId, int packageId) {}

    private final EnterpriseServerClient client;
    private final CustomerOwners owners;
    private final int adminPlanOwnerId;

    PlanPlacement(EnterpriseServerClient client, CustomerOwners owners, ProvisioningProperties properties) {
        this.client = client;
        this.owners = owners;
        this.adminPlanOwnerId = properties.planOwnerId();
    }

    /** The user that owns the plan: the reseller must be linked, and be a reseller (OWNER_NOT_RESELLER). */
    int ownerUserId(PlanRecord record, ProvisioningContext ctx) {
        if (!record.resellers()) {
            return adminPlanOwnerId;
        }
        Link owner = ctx.links()
                .find(RecordType.CUSTOMER, record.ownerKey())
                .filter(Link::applied)
                .orElseThrow(() -> new ProvisioningException(
                        Reason.OWNER_NOT_PROVISIONED,
                        "reseller " + record.ownerKey() + " (OwnerKey of plan " + record.key()
                                + ") is not provisioned yet: import or fix the reseller first"));
        // the server would take an ordinary customer's plan, and its customers' spaces would hang under that
        // customer's space with no reseller rights or limits behind them
        owners.requireReseller(owner, "plan " + record.key(), "plans");
        return owner.esId();
    }

    Placement of(PlanRecord record, ProvisioningContext ctx) {
        int userId = ownerUserId(record, ctx);
        if (!record.resellers()) {
            return new Placement(userId, 0);
        }
        return new Placement(userId, space(record, userId, ctx));
    }

    /** The reseller's space the plan is placed in: the one {@code SpaceKey} names, else the reseller's only one. */
    private int space(PlanRecord record, int resellerUserId, ProvisioningContext ctx) {
        if (record.spaceKey() != null) {
            Link space = ctx.links()
                    .find(RecordType.SUBSCRIPTION, record.spaceKey())
                    .filter(Link::applied)
                    .orElseThrow(() -> new ProvisioningException(
                            Reason.SPACE_NOT_PROVISIONED,
                            "subscription " + record.spaceKey() + " (SpaceKey of plan " + record.key()
                                    + ") is not provisioned yet: import or fix the reseller's subscription first"));
            if (space.parentEsId() == null || space.parentEsId() != resellerUserId) {
                throw new ProvisioningException(
                        Reason.SPACE_NOT_PROVISIONED,
                        "subscription " + record.spaceKey() + " (SpaceKey of plan " + record.key() + ") is space "
                                + space.esId() + " of user " + space.parentEsId() + ", not a space of reseller "
                                + record.ownerKey() + " (user " + resellerUserId + "): name one of the reseller's"
                                + " own subscriptions");
            }
            return space.esId();
        }
        // Only spaces linked to a billing subscription count: a space made by hand is no billing product's place.
        List<PackageInfo> linked = client.getMyPackages(resellerUserId).stream()
                .filter(p -> ctx.links()
                        .billingKeyOf(RecordType.SUBSCRIPTION, p.getPackageId())
                        .isPresent())
                .toList();
        if (linked.isEmpty()) {
            throw new ProvisioningException(
                    Reason.SPACE_NOT_PROVISIONED,
                    "reseller " + record.ownerKey() + " (user " + resellerUserId + ") of plan " + record.key()
                            + " has no provisioned space yet: import the reseller's own subscription first");
        }
        if (linked.size() > 1) {
            throw new ProvisioningException(
                    Reason.AMBIGUOUS_MATCH,
                    "reseller " + record.ownerKey() + " (user " + resellerUserId + ") of plan " + record.key()
                            + " has " + linked.size() + " spaces: set SpaceKey to one of the subscriptions "
                            + linked.stream()
                                    .map(p -> ctx.links()
                                                    .billingKeyOf(RecordType.SUBSCRIPTION, p.getPackageId())
                                                    .orElseThrow()
                                            + " (space " + p.getPackageId() + ")")
                                    .collect(Collectors.joining(", ")));
        }
        return linked.get(0).getPackageId();
    }
}
