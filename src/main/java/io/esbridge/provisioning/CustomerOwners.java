package io.esbridge.provisioning;

import java.util.Objects;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.esbridge.client.EnterpriseServerClient;
import io.esbridge.contract.UserInfo;
import io.esbridge.provisioning.ProvisioningException.Reason;
import io.esbridge.record.CustomerRecord;
import io.esbridge.record.RecordType;
import io.esbridge.state.Link;

/**
 * A customer's owner: the constant {@code OwnerId} of its mapping, or the user of the customer its {@code OwnerKey}
 * names. The server checks none of this (it creates a user under any owner id it is given), so a wrong tree would be
 * built silently; these checks refuse it, before any call, with the customer and the owner key named.
 */
@Component
class CustomerOwners {

    private final EnterpriseServerClient client;
    private final ObjectMapper mapper;

    CustomerOwners(EnterpriseServerClient client, ObjectMapper mapper) {
        this.client = client;
        this.mapper = mapper;
    }

    /** The billing key of the record's owner, or null when its mapping gives a constant owner id. */
    static String keyOf(CustomerRecord record) {
        String key = record.ownerKey();
        return key == null || key.isBlank() ? null : key;
    }

    /**
     * The owner's panel user id: the owner's link (applied), which must be a reseller's.
     *
     * @throws ProvisioningException OWNER_NOT_PROVISIONED, OWNER_NOT_RESELLER, OWNER_CYCLE (a customer owning itself)
     */
    int ownerIdOf(CustomerRecord record, ProvisioningContext ctx) {
        String ownerKey = keyOf(record);
        if (ownerKey == null) {
            return record.ownerId();
        }
        if (ownerKey.equals(record.key())) {
            throw new ProvisioningException(
                    Reason.OWNER_CYCLE,
                    "customer " + record.key() + " names itself as its owner (OwnerKey " + ownerKey + ")");
        }
        Link owner = ctx.links()
                .find(RecordType.CUSTOMER, ownerKey)
                .filter(Link::applied)
                .orElseThrow(() -> new ProvisioningException(
                        Reason.OWNER_NOT_PROVISIONED,
                        "customer " + record.key() + " is owned by customer " + ownerKey
                                + " (OwnerKey), which is not provisioned yet: import customer " + ownerKey
                                + " first, then replay this record"));
        requireReseller(owner, "customer " + record.key(), "users");
        return owner.esId();
    }

    /**
     * Refuses an owner (an applied customer link an {@code OwnerKey} names) that is not a reseller. The server would
     * take any user as an owner, of users as of plans, and build a tree under an ordinary customer that none of its
     * limits or rights expect; so the record is refused, before any call, with both keys named.
     *
     * @param named what names the owner, for the message ("customer c1", "plan gold")
     * @param owned what only a reseller can own ("users", "plans")
     * @throws ProvisioningException OWNER_NOT_RESELLER
     */
    void requireReseller(Link owner, String named, String owned) {
        if (roleOf(owner) != CustomerRecord.ROLE_RESELLER) {
            throw new ProvisioningException(
                    Reason.OWNER_NOT_RESELLER,
                    named + " is owned by customer " + owner.billingKey()
                            + " (OwnerKey), which is not a reseller (RoleId " + CustomerRecord.ROLE_RESELLER
                            + "): only a reseller can own " + owned + "; make " + owner.billingKey()
                            + " a reseller or fix the OwnerKey");
        }
    }

    /**
     * Refuses a customer that billing moved to another owner since its link was applied: the API has no supported way
     * to move a user and its spaces to another owner, and an UpdateUser with the new OwnerId would leave its spaces
     * (and their limits) under the old reseller, a half-move worse than none. Nothing is written.
     */
    void checkNotMoved(CustomerRecord record, Link link) {
        JsonNode applied = applied(link);
        if (applied == null) {
            return; // adopted, never updated: what it was applied with is unknown, the adoption compared the owner
        }
        JsonNode before = applied.path("ownerKey");
        String previous = before.isTextual() ? before.asText() : null;
        String now = keyOf(record);
        if (!Objects.equals(previous, now)) {
            throw new ProvisioningException(
                    Reason.OWNER_CHANGED,
                    "customer " + record.key() + " moved in billing from " + describe(previous, applied)
                            + " to " + describe(now, null)
                            + ": the Enterprise Server has no supported way to move a user and its spaces to another"
                            + " owner, so nothing was written; move it in the panel or restore its owner in billing");
        }
    }

    /** Whether a user found on the server (an adoption, a reconciled create) hangs under the record's owner. */
    static boolean ownedAsExpected(UserInfo found, CustomerRecord record, int ownerId) {
        return keyOf(record) == null || found.getOwnerId() == ownerId;
    }

    private static String describe(String ownerKey, JsonNode applied) {
        if (ownerKey != null) {
            return "owner customer " + ownerKey;
        }
        return applied == null
                ? "a constant owner"
                : "owner user " + applied.path("ownerId").asInt();
    }

    /** The owner's role: as its link recorded it (every applied customer's JSON holds roleId), else the server's. */
    private int roleOf(Link owner) {
        JsonNode applied = applied(owner);
        if (applied != null && applied.path("roleId").isInt()) {
            return applied.path("roleId").asInt();
        }
        return client.getUserById(owner.esId())
                .map(UserInfo::getRoleId)
                .orElseThrow(() -> new ProvisioningException(
                        Reason.GONE_FROM_SERVER,
                        "user " + owner.esId() + " (billing customer " + owner.billingKey()
                                + ") no longer exists on the server"));
    }

    private JsonNode applied(Link link) {
        return AppliedState.tree(mapper, link);
    }
}
