package io.esbridge.provisioning;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.esbridge.client.EnterpriseServerClient;
import io.esbridge.contract.ArrayOfHostingPlanGroupInfo;
import io.esbridge.contract.ArrayOfHostingPlanQuotaInfo;
import io.esbridge.contract.HostingPlanGroupInfo;
import io.esbridge.contract.HostingPlanInfo;
import io.esbridge.contract.HostingPlanQuotaInfo;
import io.esbridge.provisioning.PlanPlacement.Placement;
import io.esbridge.provisioning.ProvisioningException.Reason;
import io.esbridge.record.PlanRecord;
import io.esbridge.record.RecordType;
import io.esbridge.run.Outcome;
import io.esbridge.state.Link;
import io.esbridge.state.LinkState;

/**
 * Plan → hosting plan, or add-on plan ({@code IsAddon}), with its groups and quotas: AddHostingPlan,
 * UpdateHostingPlan (a -305 answer names the exceeding quotas), DeleteHostingPlan when the product ended (-1501 /
 * -1502 while spaces or add-ons use it). There is no separate add-on operation on real servers.
 */
@Component
class PlanProvisioner {

    private final EnterpriseServerClient client;
    private final ObjectMapper mapper;
    private final PlanDirectory directory;
    private final PlanPlacement placement;

    PlanProvisioner(
            EnterpriseServerClient client, ObjectMapper mapper, PlanDirectory directory, PlanPlacement placement) {
        this.client = client;
        this.mapper = mapper;
        this.directory = directory;
        this.placement = placement;
    }

    Outcome provision(PlanRecord record, ProvisioningContext ctx) {
        AppliedState state = AppliedState.of(mapper, record);
        Optional<Link> link = ctx.links().find(RecordType.PLAN, record.key());
        if (link.isPresent()
                && (link.get().state() == LinkState.DELETED
                        || link.get().applied() && state.sameAs(link.get().fingerprint()))) {
            return Outcome.UNCHANGED;
        }
        if (link.isPresent() && !link.get().applied()) {
            // An AddHostingPlan whose outcome is unknown. The server dates no plan, so a plan of that name found now
            // may be one that existed before: it is adopted and aligned below like any such plan (UpdateHostingPlan
            // with every group and quota of the record), never linked as it stands.
            ctx.forgetIntent(link.get());
            link = Optional.empty();
        }
        if (link.isEmpty()) {
            if (record.ended()) {
                return Outcome.UNCHANGED;
            }
            // Owner and space first: a reseller's plan whose reseller or space is missing fails before any call.
            Placement where = placement.of(record, ctx);
            // Looked up among the plans of the same owner (a reseller's among the reseller's, GetHostingPlans of it):
            // two resellers may each have a "Gold", and a plan of another owner is never adopted.
            Optional<Integer> existing = unlinkedPlanNamed(record.name(), record.addon(), where.userId(), ctx);
            if (existing.isPresent()) {
                // The panel already has a plan of this name (made by hand, or seeded): adopt and align it. A second
                // plan of the same name would make every subscription naming it ambiguous.
                ctx.write("UpdateHostingPlan", () -> client.updateHostingPlan(plan(record, existing.get(), where)));
                ctx.link(RecordType.PLAN, record.key(), existing.get(), state.data(null, null));
                directory.refresh(where.userId());
                return Outcome.UPDATED;
            }
            ctx.create(
                    "AddHostingPlan",
                    RecordType.PLAN,
                    record.key(),
                    record.name(),
                    state.data(null, null),
                    () -> client.addHostingPlan(plan(record, 0, where)));
            directory.refresh(where.userId());
            return Outcome.CREATED;
        }
        int planId = link.get().esId();
        if (record.ended()) {
            int owner = placement.ownerUserId(record, ctx);
            ctx.write("DeleteHostingPlan", () -> client.deleteHostingPlan(planId));
            ctx.markDeleted(RecordType.PLAN, record.key());
            directory.refresh(owner);
        } else {
            Placement where = placement.of(record, ctx);
            ctx.write("UpdateHostingPlan", () -> client.updateHostingPlan(plan(record, planId, where)));
            ctx.link(RecordType.PLAN, record.key(), planId, state.data(null, null));
            directory.refresh(where.userId());
        }
        return Outcome.UPDATED;
    }

    /** The plan (or add-on plan) of {@code ownerId} with this name that no billing product is linked to yet. */
    private Optional<Integer> unlinkedPlanNamed(String name, boolean addon, int ownerId, ProvisioningContext ctx) {
        List<Map<String, String>> rows = addon ? client.getHostingAddons(ownerId) : client.getHostingPlans(ownerId);
        List<Integer> candidates = rows.stream()
                .filter(row -> name.equals(row.get("PlanName")))
                .map(row -> Integer.parseInt(row.get("PlanID").strip()))
                .filter(id -> ctx.links().billingKeyOf(RecordType.PLAN, id).isEmpty())
                .toList();
        if (candidates.size() > 1) {
            throw new ProvisioningException(
                    Reason.AMBIGUOUS_MATCH,
                    candidates.size() + " unlinked plans are named '" + name + "': resolve by hand");
        }
        return candidates.stream().findFirst();
    }

    private HostingPlanInfo plan(PlanRecord record, int planId, Placement where) {
        HostingPlanInfo plan = new HostingPlanInfo();
        plan.setPlanId(planId);
        plan.setUserId(where.userId());
        plan.setPackageId(where.packageId());
        // 0: the server takes the server of the plan's space (a reseller's), or none (an administrator's)
        plan.setServerId(0);
        plan.setPlanName(record.name());
        plan.setPlanDescription(record.description());
        plan.setAvailable(record.available());
        plan.setIsAddon(record.addon());
        plan.setSetupPrice(record.setupPrice() == null ? java.math.BigDecimal.ZERO : record.setupPrice());
        plan.setRecurringPrice(record.recurringPrice() == null ? java.math.BigDecimal.ZERO : record.recurringPrice());
        plan.setRecurrenceUnit(record.recurrenceUnit());
        plan.setRecurrenceLength(record.recurrenceLength());
        plan.setGroups(new ArrayOfHostingPlanGroupInfo());
        for (PlanRecord.Group g : record.groups()) {
            HostingPlanGroupInfo group = new HostingPlanGroupInfo();
            group.setGroupId(g.groupId());
            group.setEnabled(g.enabled());
            group.setCalculateDiskSpace(g.calculateDiskSpace());
            group.setCalculateBandwidth(g.calculateBandwidth());
            plan.getGroups().getHostingPlanGroupInfo().add(group);
        }
        plan.setQuotas(new ArrayOfHostingPlanQuotaInfo());
        for (PlanRecord.Quota q : record.quotas()) {
            HostingPlanQuotaInfo quota = new HostingPlanQuotaInfo();
            quota.setQuotaId(q.quotaId());
            quota.setQuotaValue(q.value());
            plan.getQuotas().getHostingPlanQuotaInfo().add(quota);
        }
        return plan;
    }
}
