package io.esbridge.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.esbridge.client.EnterpriseServerClient;
import io.esbridge.client.EsException;
import io.esbridge.contract.PackageStatus;
import io.esbridge.contract.UserStatus;
import io.esbridge.provisioning.ProvisioningProperties;
import io.esbridge.record.RecordType;
import io.esbridge.state.Fingerprint;
import io.esbridge.state.Link;
import io.esbridge.state.LinkStore;

/**
 * Customers and subscriptions a source once brought in, still linked on the server, that a full read of billing no
 * longer returns: reported, suspended or cancelled ({@code es.sync.disappeared}). Nothing is ever deleted.
 */
@Component
class DisappearedRecords {

    private static final Logger LOG = LoggerFactory.getLogger(DisappearedRecords.class);

    private final SyncedKeys syncedKeys;
    private final LinkStore links;
    private final EnterpriseServerClient client;
    private final ObjectMapper mapper;
    private final SyncExecutions executions;
    private final DisappearedPolicy policy;
    private final boolean dryRun;

    DisappearedRecords(SyncedKeys syncedKeys, LinkStore links, EnterpriseServerClient client, ObjectMapper mapper,
            SyncExecutions executions, SyncProperties properties, ProvisioningProperties provisioning) {
        this.syncedKeys = syncedKeys;
        this.links = links;
        this.client = client;
        this.mapper = mapper;
        this.executions = executions;
        this.policy = properties.disappeared();
        this.dryRun = provisioning.dryRun();
    }

    /** Handles the linked keys of {@code type} that the source once had and {@code seen} lacks. */
    List<Disappeared> handle(String executionId, String source, RecordType type, Set<String> seen) {
        List<Disappeared> found = new ArrayList<>();
        for (String key : new TreeSet<>(syncedKeys.all(source, type))) {
            if (seen.contains(key)) {
                continue;
            }
            Link link = links.find(type, key).filter(Link::applied).orElse(null);
            if (link == null || link.esId() == null) {
                continue;
            }
            Disappeared outcome = apply(link);
            executions.disappeared(executionId, outcome);
            found.add(outcome);
        }
        if (!found.isEmpty()) {
            LOG.warn("{} {} record(s) no longer in billing ({}): {}", found.size(), type, policy,
                    found.stream().map(d -> d.billingKey() + "=" + d.action()).toList());
        }
        return found;
    }

    private Disappeared apply(Link link) {
        if (policy == DisappearedPolicy.REPORT) {
            return new Disappeared(link.type(), link.billingKey(), link.esId(), "REPORTED", null);
        }
        // the enum constant's name: what the link's applied JSON holds, and the name of both status enums' constant
        String status = policy == DisappearedPolicy.SUSPEND ? "SUSPENDED" : "CANCELLED";
        String action = status;
        try {
            ObjectNode applied = (ObjectNode) mapper.readTree(link.appliedJson());
            if (status.equals(applied.path("status").asText())) {
                return new Disappeared(link.type(), link.billingKey(), link.esId(), action, "already " + status);
            }
            if (dryRun) {
                return new Disappeared(link.type(), link.billingKey(), link.esId(), "REPORTED",
                        "dry run: would be " + status);
            }
            if (link.type() == RecordType.CUSTOMER) {
                client.changeUserStatus(link.esId(), UserStatus.valueOf(status));
            } else {
                client.changePackageStatus(link.esId(), PackageStatus.valueOf(status));
            }
            // the link now says what the server has, so that a customer who comes back in billing is reactivated
            applied.put("status", status);
            String json = mapper.writeValueAsString(applied);
            links.markApplied(link.type(), link.billingKey(), link.esId(), link.parentEsId(), json, Fingerprint.of(json),
                    link.passwordHash(), null);
            return new Disappeared(link.type(), link.billingKey(), link.esId(), action, null);
        } catch (EsException | JsonProcessingException | IllegalArgumentException e) {
            return new Disappeared(link.type(), link.billingKey(), link.esId(), "FAILED", e.getMessage());
        }
    }
}
