package io.esbridge.provisioning;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.esbridge.client.EnterpriseServerClient;
import io.esbridge.contract.PackageStatus;
import io.esbridge.contract.UserStatus;
import io.esbridge.record.CustomerRecord;
import io.esbridge.record.RecordType;
import io.esbridge.state.Link;

/**
 * What a reseller's status does below it. The server's ChangeUserStatus cascades to the user's child users and all
 * their spaces, in both directions (contract §2.4: Suspended → Suspended, Active → Active), and the links below do not
 * see it. So when es-bridge suspends or cancels a reseller, the links of every customer below it are marked as covered
 * by that reseller's cascade: a customer's own "active" record then does not reactivate it under a suspended reseller.
 * When the reseller is active again, es-bridge reactivates the marked customers billing has active (ChangeUserStatus,
 * which brings their spaces along), and, since the server's cascade has reactivated everything below the reseller,
 * puts back the customers and spaces billing has not active (the statuses their links hold); then clears the marks. Found through the parents the links record (customers linked before owners were
 * recorded have none, and are not reached).
 */
@Component
class ResellerCascade {

    private static final Logger LOG = LoggerFactory.getLogger(ResellerCascade.class);

    private final EnterpriseServerClient client;
    private final ObjectMapper mapper;

    ResellerCascade(EnterpriseServerClient client, ObjectMapper mapper) {
        this.client = client;
        this.mapper = mapper;
    }

    /** Whether the customer is covered by a suspended reseller's cascade (then its own reactivation waits for it). */
    Optional<String> heldBy(String customerKey, ProvisioningContext ctx) {
        return ctx.links().cascadeOf(RecordType.CUSTOMER, customerKey);
    }

    /**
     * After ChangeUserStatus of a reseller's user to {@code status}: marks what the cascade covered, or, back to
     * active, restores what billing has not active below it.
     */
    void statusChanged(String resellerKey, int resellerUserId, String status, ProvisioningContext ctx) {
        if (UserStatus.ACTIVE.name().equals(status)) {
            restoreBelow(resellerKey, resellerUserId, ctx);
        } else if (UserStatus.SUSPENDED.name().equals(status)
                || UserStatus.CANCELLED.name().equals(status)) {
            markBelow(resellerKey, resellerUserId, ctx);
        }
    }

    /** Whether a customer link is a reseller's (its applied record's role). */
    boolean reseller(Link link) {
        JsonNode applied = applied(link);
        return applied != null && applied.path("roleId").asInt() == CustomerRecord.ROLE_RESELLER;
    }

    private void markBelow(String resellerKey, int userId, ProvisioningContext ctx) {
        for (Link customer : ctx.links().children(RecordType.CUSTOMER, userId)) {
            if (ctx.links()
                    .cascadeOf(RecordType.CUSTOMER, customer.billingKey())
                    .isPresent()) {
                continue; // a reseller above was suspended first: its cascade covers this subtree already
            }
            ctx.links().markCascade(RecordType.CUSTOMER, customer.billingKey(), resellerKey);
            if (reseller(customer)) {
                markBelow(resellerKey, customer.esId(), ctx);
            }
        }
    }

    private void restoreBelow(String resellerKey, int userId, ProvisioningContext ctx) {
        restoreSpaces(userId, ctx);
        for (Link customer : ctx.links().children(RecordType.CUSTOMER, userId)) {
            Optional<String> mark = ctx.links().cascadeOf(RecordType.CUSTOMER, customer.billingKey());
            if (mark.isPresent() && !mark.get().equals(resellerKey)) {
                continue; // covered by another reseller's cascade, which is still in force
            }
            if (mark.isPresent()) {
                ctx.links().markCascade(RecordType.CUSTOMER, customer.billingKey(), null);
            }
            String own = status(customer);
            int id = customer.esId();
            if (own != null && !UserStatus.ACTIVE.name().equals(own)) {
                // the reseller's reactivation cascaded Active to it: billing has it suspended (or cancelled) for its
                // own reasons, and so its spaces follow it back
                LOG.info(
                        "customer {}: {} in billing, put back after its reseller {} was reactivated",
                        customer.billingKey(),
                        own,
                        resellerKey);
                ctx.write("ChangeUserStatus", () -> client.changeUserStatus(id, UserStatus.valueOf(own)));
                continue;
            }
            if (mark.isPresent()) {
                // what the cascade suspended, and billing has active: reactivated by name rather than trusting the
                // server's cascade alone, since a customer held while the reseller was suspended may have been
                // suspended on its own before (then no cascade of the reseller's brings it back)
                ctx.write("ChangeUserStatus", () -> client.changeUserStatus(id, UserStatus.ACTIVE));
            }
            restoreSpaces(id, ctx);
            if (reseller(customer)) {
                restoreBelow(resellerKey, id, ctx);
            }
        }
    }

    /** A user's spaces that billing has not active, put back after a cascade reactivated them. */
    private void restoreSpaces(int userId, ProvisioningContext ctx) {
        for (Link space : ctx.links().children(RecordType.SUBSCRIPTION, userId)) {
            JsonNode applied = applied(space);
            String own = applied == null ? null : applied.path("ended").asBoolean() ? "CANCELLED" : status(space);
            if (own != null && !PackageStatus.ACTIVE.name().equals(own)) {
                int id = space.esId();
                ctx.write("ChangePackageStatus", () -> client.changePackageStatus(id, PackageStatus.valueOf(own)));
            }
        }
    }

    private String status(Link link) {
        JsonNode applied = applied(link);
        return applied == null || !applied.path("status").isTextual()
                ? null
                : applied.path("status").asText();
    }

    private JsonNode applied(Link link) {
        return AppliedState.tree(mapper, link);
    }
}
