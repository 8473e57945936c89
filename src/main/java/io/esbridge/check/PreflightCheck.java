package io.esbridge.check;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.camel.CamelContext;
import org.springframework.stereotype.Component;

import io.esbridge.client.EnterpriseServerClient;
import io.esbridge.feed.FeedRuns;
import io.esbridge.feed.RowToRecord;
import io.esbridge.migrate.SourcePreview;
import io.esbridge.provisioning.ProvisioningProperties;
import io.esbridge.record.RecordType;
import io.esbridge.record.SourceRef;
import io.esbridge.state.Link;
import io.esbridge.state.LinkStore;
import io.esbridge.sync.PhaseRows;
import io.esbridge.sync.SyncMode;

/**
 * {@code es-bridge check}: what an import of these inputs would meet, found without writing anything — not to the
 * panel (only reading calls, in bulk), not to the state store (links are only looked up, no run is opened). The
 * records are validated as import validates them ({@link CheckInputs}), then their references are followed across the
 * inputs and the links ({@link References}), and the target is asked about clashes ({@link TargetClashes}).
 */
@Component
public class PreflightCheck {

    private final FeedRuns feeds;
    private final RowToRecord rows;
    private final CamelContext camel;
    private final LinkStore links;
    private final EnterpriseServerClient client;
    private final ProvisioningProperties provisioning;
    private final PhaseRows phases;

    public PreflightCheck(
            FeedRuns feeds,
            RowToRecord rows,
            CamelContext camel,
            LinkStore links,
            EnterpriseServerClient client,
            ProvisioningProperties provisioning,
            PhaseRows phases) {
        this.feeds = feeds;
        this.rows = rows;
        this.camel = camel;
        this.links = links;
        this.client = client;
        this.provisioning = provisioning;
        this.phases = phases;
    }

    /**
     * Checks the files (each read to its end, in any order: references are followed across all of them).
     *
     * @throws CheckInputs.InputUnreadableException when a file cannot be read
     * @throws io.esbridge.client.EsException when the target cannot be asked (unreachable, login refused)
     */
    public CheckReport check(List<Path> files) {
        return check(files, null);
    }

    /**
     * Checks the files and, with a mode, the rows of the billing database's sync phases that a sync in that mode
     * would read now (read as the sync reads them, {@link PhaseRows}; no watermark, run or synced key written).
     *
     * @throws io.esbridge.sync.BillingSourceUnavailableException when the billing database cannot be opened
     */
    public CheckReport check(List<Path> files, SyncMode sync) {
        return check(files, sync, null);
    }

    /**
     * The same, with the records a migration of a source server would provision ({@code check --from-url}): they are
     * checked against the inputs, the links and the target like any other, and what the source has that the target
     * cannot take is a warning each.
     */
    public CheckReport check(List<Path> files, SyncMode sync, SourcePreview source) {
        CheckReport report = new CheckReport();
        CheckInputs inputs = CheckInputs.read(files, feeds, rows, camel, report);
        if (sync != null) {
            report.file(phases.describe());
            phases.read(sync, (mapper, row) -> inputs.add(row, mapper, rows, report));
        }
        if (source != null) {
            report.file("source server " + source.description());
            source.records().forEach(record -> inputs.add(record, report));
            SourceRef server = SourceRef.tableRow("source server " + source.description(), "-");
            source.notes()
                    .forEach(note ->
                            report.add(new Finding(FindingKind.SOURCE_LEFT_OUT, server, null, null, "source", note)));
        }
        TargetView target = new TargetView(client);
        report.targetUsers(target.users());
        Known known = new Known(inputs, links, target, provisioning.planOwnerId());
        new References(known, report).check();
        new TargetClashes(known, provisioning, report).check();
        return report;
    }

    /**
     * What a record may refer to: the valid records of the inputs (the first of each billing key) and the applied
     * links of the state store, with the owners whose plans a customer's subscriptions are named against.
     */
    static final class Known {

        /** The owner whose plans a customer's plan names resolve against: a reseller (by key), or the administrator. */
        record Scope(String resellerKey, Integer ownerUserId) {

            String describe() {
                if (resellerKey == null) {
                    return "the target's plans of user " + ownerUserId + (ownerUserId == 1 ? " (serveradmin)" : "");
                }
                return "the plans of reseller " + resellerKey
                        + (ownerUserId == null ? " (not yet on the target)" : " (user " + ownerUserId + ")");
            }
        }

        final CheckInputs inputs;
        final LinkStore links;
        final TargetView target;
        final int adminPlanOwner;
        final Map<String, CheckInputs.Read<io.esbridge.record.CustomerRecord>> customers = new HashMap<>();
        final Map<String, CheckInputs.Read<io.esbridge.record.SubscriptionRecord>> subscriptions = new HashMap<>();
        private final Set<String> inputPlans = new HashSet<>();

        Known(CheckInputs inputs, LinkStore links, TargetView target, int adminPlanOwner) {
            this.inputs = inputs;
            this.links = links;
            this.target = target;
            this.adminPlanOwner = adminPlanOwner;
            inputs.customers.forEach(c -> customers.putIfAbsent(c.key(), c));
            inputs.subscriptions.forEach(s -> subscriptions.putIfAbsent(s.key(), s));
            inputs.plans.stream()
                    .filter(p -> !p.record().ended())
                    .forEach(p -> inputPlans.add(planKey(
                            p.record().ownerKey(),
                            p.record().addon(),
                            p.record().name())));
        }

        Optional<Link> linked(RecordType type, String key) {
            return key == null ? Optional.empty() : links.find(type, key).filter(Link::applied);
        }

        /** The panel user id of a customer's applied link. */
        Optional<Integer> userIdOf(String customerKey) {
            return linked(RecordType.CUSTOMER, customerKey).map(Link::esId);
        }

        Scope admin() {
            return new Scope(null, adminPlanOwner);
        }

        /** The owner of a customer of the inputs, or else of a linked customer; empty when neither is known. */
        Optional<Scope> scopeOf(String customerKey) {
            var input = customers.get(customerKey);
            if (input != null) {
                var customer = input.record();
                if (customer.ownerKey() != null) {
                    return Optional.of(new Scope(
                            customer.ownerKey(), userIdOf(customer.ownerKey()).orElse(null)));
                }
                return Optional.of(ownedBy(customer.ownerId()));
            }
            // a linked customer's owner: recorded in its link (parentEsId), or else as the panel has it
            return linked(RecordType.CUSTOMER, customerKey).flatMap(link -> Optional.ofNullable(link.parentEsId())
                    .or(() -> target.user(link.esId()).map(user -> user.getOwnerId()))
                    .map(this::ownedBy));
        }

        private Scope ownedBy(int ownerUserId) {
            if (ownerUserId == 0 || ownerUserId == 1) {
                return admin();
            }
            return new Scope(
                    links.billingKeyOf(RecordType.CUSTOMER, ownerUserId).orElse(null), ownerUserId);
        }

        /** Whether a plan (or add-on plan) of that name is in the plans input or on the target, for that owner. */
        boolean planKnown(Scope scope, String name, boolean addon) {
            return inputPlans.contains(planKey(scope.resellerKey(), addon, name))
                    || scope.ownerUserId() != null
                            && target.plan(scope.ownerUserId(), name, addon).isPresent();
        }

        private static String planKey(String ownerKey, boolean addon, String name) {
            return ownerKey + "\u0000" + addon + "\u0000" + TargetView.normal(name);
        }
    }
}
