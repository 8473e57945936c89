package io.esbridge.provisioning;

import java.util.Optional;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.esbridge.client.EnterpriseServerClient;
import io.esbridge.contract.PackageStatus;
import io.esbridge.contract.UserStatus;
import io.esbridge.record.RecordType;
import io.esbridge.record.StatusChangeRecord;
import io.esbridge.record.StatusChangeRecord.Status;
import io.esbridge.run.Outcome;
import io.esbridge.state.Link;

/**
 * A customer or subscription gone from billing → ChangeUserStatus or ChangePackageStatus on its user or space. The
 * link then holds the status applied: a later sync finds nothing to change, and a record that comes back to billing
 * differs from the link in its status, so its own provisioner reactivates it.
 */
@Component
class StatusChangeProvisioner {

    private final EnterpriseServerClient client;
    private final ObjectMapper mapper;

    private final ResellerCascade cascade;

    StatusChangeProvisioner(EnterpriseServerClient client, ObjectMapper mapper, ResellerCascade cascade) {
        this.client = client;
        this.mapper = mapper;
        this.cascade = cascade;
    }

    Outcome provision(StatusChangeRecord change, ProvisioningContext ctx) {
        // not linked (or its create still unresolved), or deleted since: nothing known on the server to change
        Optional<Link> found = ctx.links().find(change.target(), change.key()).filter(Link::applied);
        if (found.isEmpty()) {
            return Outcome.UNCHANGED;
        }
        Link link = found.get();
        ObjectNode applied = applied(link);
        if (!needed(applied, change.status())) {
            return Outcome.UNCHANGED;
        }
        String status = change.status().name();
        int esId = link.esId();
        if (change.target() == RecordType.CUSTOMER) {
            ctx.write("ChangeUserStatus", () -> client.changeUserStatus(esId, UserStatus.valueOf(status)));
            if (cascade.reseller(link)) {
                // a reseller gone from billing: the server suspended (or cancelled) its tree with it
                cascade.statusChanged(change.key(), esId, status, ctx);
            }
        } else {
            ctx.write("ChangePackageStatus", () -> client.changePackageStatus(esId, PackageStatus.valueOf(status)));
        }
        // the field the customer and subscription provisioners compare: same JSON as a billing record of that status
        applied.put("status", status);
        AppliedState state = AppliedState.of(mapper, applied);
        ctx.link(change.target(), change.key(), esId, state.data(link.parentEsId(), link.passwordHash()));
        return Outcome.UPDATED;
    }

    /**
     * Whether the status still has to change. Cancelled is as far as a record gone from billing goes: suspending never
     * revives a cancelled user or space, nor the space of a subscription that ended in billing (cancelled or deleted
     * then, whatever status its last row had).
     */
    private static boolean needed(ObjectNode applied, Status target) {
        String current = applied.path("status").asText();
        return !current.equals(target.name())
                && !current.equals(Status.CANCELLED.name())
                && !applied.path("ended").asBoolean();
    }

    /** What was last applied; none when an adopted user's first update failed (every field then counts as changed). */
    private ObjectNode applied(Link link) {
        if (link.appliedJson() == null) {
            return mapper.createObjectNode();
        }
        try {
            return (ObjectNode) mapper.readTree(link.appliedJson());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "the applied state of " + link.type() + " " + link.billingKey() + " is unreadable", e);
        }
    }
}
