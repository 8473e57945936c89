package io.esbridge.provisioning;

import org.springframework.stereotype.Component;

import io.esbridge.record.AddonRecord;
import io.esbridge.record.CustomerRecord;
import io.esbridge.record.PlanRecord;
import io.esbridge.record.ProvisioningRecord;
import io.esbridge.record.RecordEnvelope;
import io.esbridge.record.RecordType;
import io.esbridge.record.StatusChangeRecord;
import io.esbridge.record.SubscriptionRecord;
import io.esbridge.run.Outcome;
import io.esbridge.run.RecordOutcome;
import io.esbridge.state.DryRunLinks;
import io.esbridge.state.Link;
import io.esbridge.state.LinkStore;
import io.esbridge.state.Links;

/**
 * Makes the panel match one billing record (or a sync's status change for one gone from billing): compares it with
 * what was last applied and makes only the write calls the difference needs. Throws what the server or its own checks
 * refused; the error channel takes it from there.
 */
@Component
public class Provisioner {

    private final CustomerProvisioner customers;
    private final SubscriptionProvisioner subscriptions;
    private final AddonProvisioner addons;
    private final PlanProvisioner plans;
    private final StatusChangeProvisioner statusChanges;
    private final LinkStore store;
    private final boolean dryRun;
    private final Links dryRunLinks;

    Provisioner(
            CustomerProvisioner customers,
            SubscriptionProvisioner subscriptions,
            AddonProvisioner addons,
            PlanProvisioner plans,
            StatusChangeProvisioner statusChanges,
            LinkStore store,
            ProvisioningProperties properties) {
        this.customers = customers;
        this.subscriptions = subscriptions;
        this.addons = addons;
        this.plans = plans;
        this.statusChanges = statusChanges;
        this.store = store;
        this.dryRun = properties.dryRun();
        this.dryRunLinks = new DryRunLinks(store);
    }

    public RecordOutcome provision(RecordEnvelope envelope) {
        ProvisioningContext ctx = new ProvisioningContext(envelope.runId(), dryRun, dryRun ? dryRunLinks : store);
        Outcome outcome = apply(envelope.payload(), ctx);
        return RecordOutcome.success(
                envelope.runId(),
                envelope.source().toString(),
                envelope.type(),
                envelope.billingKey(),
                outcome,
                ctx.operations());
    }

    /**
     * Whether a customer key has an applied link, as provisioning sees the links (a dry run's overlay included, so a
     * reseller a dry run would have created counts as linked for its customers).
     */
    boolean customerLinked(String customerKey) {
        return (dryRun ? dryRunLinks : store)
                .find(RecordType.CUSTOMER, customerKey)
                .filter(Link::applied)
                .isPresent();
    }

    /**
     * The outcome of a record whose create was found on the server after an unknown outcome (reconciled): created,
     * by the earlier attempt, plus whatever changed since.
     */
    static Outcome createdEarlier(Outcome since) {
        return since == Outcome.UNCHANGED ? Outcome.CREATED : since;
    }

    // Java 17 has no pattern switch; ProvisioningRecord is sealed, so this chain is exhaustive.
    private Outcome apply(ProvisioningRecord record, ProvisioningContext ctx) {
        if (record instanceof CustomerRecord c) {
            return customers.provision(c, ctx);
        }
        if (record instanceof SubscriptionRecord s) {
            return subscriptions.provision(s, ctx);
        }
        if (record instanceof AddonRecord a) {
            return addons.provision(a, ctx);
        }
        if (record instanceof StatusChangeRecord s) {
            return statusChanges.provision(s, ctx);
        }
        return plans.provision((PlanRecord) record, ctx);
    }
}
