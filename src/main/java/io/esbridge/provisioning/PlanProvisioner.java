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
    private final int ownerId;

    PlanProvisioner(
            EnterpriseServerClient client,
            ObjectMapper mapper,
            PlanDirectory directory,
            ProvisioningProperties properties) {
        this.client = client;
        this.mapper = mapper;
        this.directory = directory;
        this.ownerId = properties.planOwnerId();
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
            Optional<Integer> existing = unlinkedPlanNamed(record.name(), record.addon(), ctx);
            if (existing.isPresent()) {
                // The panel already has a plan of this name (made by hand, or seeded): adopt and align it. A second
                // plan of the same name would make every subscription naming it ambiguous.
                ctx.write("UpdateHostingPlan", () -> client.updateHostingPlan(plan(record, existing.get())));
                ctx.link(RecordType.PLAN, record.key(), existing.get(), state.data(null, null));
                directory.refresh();
                return Outcome.UPDATED;
            }
            ctx.create(
                    "AddHostingPlan",
                    RecordType.PLAN,
                    record.key(),
                    record.name(),
                    state.data(null, null),
                    () -> client.addHostingPlan(plan(record, 0)));
            directory.refresh();
            return Outcome.CREATED;
        }
        int planId = link.get().esId();
        if (record.ended()) {
            ctx.write("DeleteHostingPlan", () -> client.deleteHostingPlan(planId));
            ctx.markDeleted(RecordType.PLAN, record.key());
        } else {
            ctx.write("UpdateHostingPlan", () -> client.updateHostingPlan(plan(record, planId)));
            ctx.link(RecordType.PLAN, record.key(), planId, state.data(null, null));
        }
        directory.refresh();
        return Outcome.UPDATED;
    }

    /** The plan (or add-on plan) of the plan owner with this name that no billing product is linked to yet. */
    private Optional<Integer> unlinkedPlanNamed(String name, boolean addon, ProvisioningContext ctx) {
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

    private HostingPlanInfo plan(PlanRecord record, int planId) {
        HostingPlanInfo plan = new HostingPlanInfo();
        plan.setPlanId(planId);
        plan.setUserId(ownerId);
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
