package io.esbridge.verify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.esbridge.client.EnterpriseServerClient;
import io.esbridge.contract.UserInfo;
import io.esbridge.deadletter.ReplayIntake;
import io.esbridge.record.AddonRecord;
import io.esbridge.record.CustomerRecord;
import io.esbridge.record.PlanRecord;
import io.esbridge.record.ProvisioningRecord;
import io.esbridge.record.RecordEnvelope;
import io.esbridge.record.RecordType;
import io.esbridge.record.SourceRef;
import io.esbridge.record.SubscriptionRecord;
import io.esbridge.run.RunReport;
import io.esbridge.run.RunSession;
import io.esbridge.run.RunSessions;
import io.esbridge.state.Fingerprint;
import io.esbridge.state.Link;
import io.esbridge.state.LinkData;
import io.esbridge.state.LinkStore;

/**
 * {@code verify --repair}: billing's values, as es-bridge last applied them, sent through provisioning again in a run
 * of their own (kind REPLAY, handed to the same intake as a replay), so that the writes are provisioning's, with its
 * outcomes, dead letters and report.
 *
 * <p>A changed record: its link first learns that the panel no longer holds the drifted fields (they are cleared from
 * the link's applied JSON, the fingerprint recomputed), then a record rebuilt from the applied JSON goes to provisioning,
 * which compares it with the link as for any later sight and writes exactly those fields (a plan: UpdatePackage; a
 * status: ChangePackageStatus). Chosen over only making the fingerprint stale: provisioning decides which calls to make
 * from the applied JSON's fields, so a stale fingerprint alone would answer "unchanged" without a write.
 *
 * <p>A missing record: its link is forgotten, so that the next import or sync of it (which carries what the link
 * does not keep: a customer's password, a space's purchase date) creates it anew; re-creating it from the link alone
 * would make it without them.
 *
 * <p>A dry run ({@code es.provisioning.dry-run}) changes no link and opens no run: without the cleared fields
 * provisioning would see nothing to do, so the repair lists what it would send instead.
 */
@Service
public class DriftRepair {

    /** What a repair did: its run's report (null in a dry run) and one line per record. */
    public record RepairResult(RunReport report, List<String> lines) {}

    private static final List<RecordType> ORDER =
            List.of(RecordType.CUSTOMER, RecordType.PLAN, RecordType.SUBSCRIPTION, RecordType.ADDON);

    private final LinkStore links;
    private final RunSessions sessions;
    private final ReplayIntake intake;
    private final ObjectMapper mapper;
    private final EnterpriseServerClient client;

    public DriftRepair(
            LinkStore links,
            RunSessions sessions,
            ReplayIntake intake,
            ObjectMapper mapper,
            EnterpriseServerClient client) {
        this.links = links;
        this.sessions = sessions;
        this.intake = intake;
        this.mapper = mapper;
        this.client = client;
    }

    public RepairResult repair(VerifyReport report) {
        Map<String, List<Drift>> byRecord = new LinkedHashMap<>();
        report.drift().stream()
                .sorted(Comparator.comparing((Drift d) -> ORDER.indexOf(d.type())))
                .forEach(d -> byRecord.computeIfAbsent(d.type() + " " + d.billingKey(), k -> new ArrayList<>())
                        .add(d));
        boolean dryRun = sessions.dryRun();
        RunSession run = dryRun ? null : sessions.open(SourceRef.Kind.REPLAY, "verify --repair");
        List<String> lines = new ArrayList<>();
        long sent = 0;
        for (Map.Entry<String, List<Drift>> record : byRecord.entrySet()) {
            Drift first = record.getValue().get(0);
            Optional<Link> link = links.find(first.type(), first.billingKey()).filter(Link::applied);
            if (link.isEmpty()) {
                lines.add(record.getKey() + ": its link changed since the verify read it; left alone");
                continue;
            }
            if (first.kind() == Drift.Kind.MISSING) {
                if (!dryRun) {
                    links.forgetApplied(first.type(), first.billingKey());
                }
                lines.add((dryRun ? "dry run: would forget " : "forgot ") + "the link of " + record.getKey()
                        + " (gone from the panel): the next import or sync of it creates it anew");
                continue;
            }
            List<String> fields =
                    record.getValue().stream().map(Drift::field).distinct().toList();
            if (dryRun) {
                lines.add("dry run: would re-apply " + record.getKey() + ": " + String.join(", ", fields));
                continue;
            }
            ProvisioningRecord payload = rebuild(link.get());
            forgetFields(link.get(), fields, run.runId());
            intake.submit(new RecordEnvelope(
                    run.runId(),
                    new SourceRef(SourceRef.Kind.REPLAY, "verify --repair", record.getKey()),
                    first.type(),
                    first.billingKey(),
                    payload,
                    Map.of("billingKey", first.billingKey())));
            sent++;
            lines.add("re-applied " + record.getKey() + ": " + String.join(", ", fields));
        }
        return new RepairResult(run == null ? null : run.close(sent), lines);
    }

    /** The link keeps its object and parent, but no longer claims the drifted fields: they differ on the panel. */
    private void forgetFields(Link link, List<String> fields, String runId) {
        ObjectNode view = read(link);
        for (String field : fields) {
            if (field.equals("plan")) {
                view.putNull("planId");
                view.putNull("planName");
            } else {
                view.putNull(field);
            }
        }
        String json = view.toString();
        links.markApplied(
                link.type(),
                link.billingKey(),
                link.esId(),
                new LinkData(link.parentEsId(), json, Fingerprint.of(json), link.passwordHash()),
                runId);
    }

    /** The record as es-bridge last applied it, with the keys the applied JSON leaves to the link. */
    private ProvisioningRecord rebuild(Link link) {
        ObjectNode node = read(link);
        node.put("key", link.billingKey());
        try {
            return switch (link.type()) {
                case CUSTOMER -> {
                    // the username is the user's identity on the panel (applied once, never changed), so read there
                    node.put(
                            "username",
                            client.getUserById(link.esId())
                                    .map(UserInfo::getUsername)
                                    .orElseThrow());
                    node.putArray("notes");
                    yield mapper.treeToValue(node, CustomerRecord.class);
                }
                case SUBSCRIPTION -> {
                    node.put("customerKey", customerOf(link.billingKey()));
                    yield mapper.treeToValue(node, SubscriptionRecord.class);
                }
                case ADDON -> {
                    String subscription = links.billingKeyOf(RecordType.SUBSCRIPTION, link.parentEsId())
                            .orElseThrow(() -> new IllegalStateException("add-on " + link.billingKey()
                                    + ": no linked subscription holds space " + link.parentEsId()));
                    node.put("subscriptionKey", subscription);
                    node.put("customerKey", customerOf(subscription));
                    yield mapper.treeToValue(node, AddonRecord.class);
                }
                case PLAN -> mapper.treeToValue(node, PlanRecord.class);
            };
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "the applied state of " + link.type() + " " + link.billingKey() + " cannot be read as a record", e);
        }
    }

    private String customerOf(String subscriptionKey) {
        return links.customerKeyOfSubscription(subscriptionKey)
                .orElseThrow(() ->
                        new IllegalStateException("subscription " + subscriptionKey + ": its customer is not linked"));
    }

    private ObjectNode read(Link link) {
        try {
            return link.appliedJson() == null
                    ? mapper.createObjectNode()
                    : (ObjectNode) mapper.readTree(link.appliedJson());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "the state store's link of " + link.type() + " " + link.billingKey() + " holds unreadable JSON");
        }
    }
}
