package io.esbridge.provisioning;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import io.esbridge.client.EnterpriseServerClient;
import io.esbridge.contract.HostingPlanInfo;
import io.esbridge.contract.UserInfo;
import io.esbridge.provisioning.ProvisioningException.Reason;

/**
 * Resolves hosting plan and add-on plan names to their ids among the plans of a customer's owner (GetHostingPlans /
 * GetHostingAddons of that owner), and refuses a plan that is not the owner's. The server itself would accept any
 * plan and hang the space under the plan's space ({@code System} for an administrator's plan), so a reseller's
 * customer on an administrator's plan would escape the reseller's limits: this is the one place that prevents it.
 * <p>
 * A customer owned by an administrator uses the plans of {@code es.provisioning.plan-owner-id} (the administrators'
 * plans); one owned by a reseller uses the reseller's own. Each owner's plans are cached and reloaded once when a
 * name or id is not found, so plans created meanwhile are seen; {@link #refresh(int)} forgets an owner's plans
 * after es-bridge created or changed one of them.
 */
@Component
public class PlanDirectory {

    private static final int ROLE_ADMINISTRATOR = 1;

    /** The plans (or add-on plans) of one owner: by normalized name, and every id. */
    private record Catalog(Map<String, Integer> byName, Set<Integer> ids) {}

    private record Key(int planOwnerId, boolean addon) {}

    private final EnterpriseServerClient client;
    private final int adminPlanOwnerId;
    private final Map<Key, Catalog> catalogs = new ConcurrentHashMap<>();
    private final Map<Key, Object> loadLocks = new ConcurrentHashMap<>();
    /** A user's owner never changes under es-bridge (OWNER_CHANGED is refused), so whose plans it uses neither. */
    private final Map<Integer, Integer> planOwnerOfOwner = new ConcurrentHashMap<>();

    public PlanDirectory(EnterpriseServerClient client, ProvisioningProperties properties) {
        this.client = client;
        this.adminPlanOwnerId = properties.planOwnerId();
    }

    /**
     * The hosting plan a user owned by {@code ownerId} may be given, by id or name.
     *
     * @param whose the customer, for the message of a refusal (e.g. "customer C1 (user 42)")
     */
    public int hostingPlanId(int ownerId, Integer id, String name, String whose) {
        return planId(ownerId, id, name, false, whose);
    }

    /** The add-on plan a space of a user owned by {@code ownerId} may be given, by id or name. */
    public int addonPlanId(int ownerId, Integer id, String name, String whose) {
        return planId(ownerId, id, name, true, whose);
    }

    /** Forget the cached plans of this plan owner (after plans of it were created or renamed). */
    public void refresh(int planOwnerId) {
        catalogs.keySet().removeIf(key -> key.planOwnerId() == planOwnerId);
    }

    private int planId(int ownerId, Integer id, String name, boolean addon, String whose) {
        int planOwner = planOwnerOf(ownerId);
        Key key = new Key(planOwner, addon);
        String kind = addon ? "add-on plan" : "hosting plan";
        if (id != null) {
            if (catalog(key, false).ids().contains(id)
                    || catalog(key, true).ids().contains(id)) {
                return id;
            }
            HostingPlanInfo plan = client.getHostingPlan(id)
                    .orElseThrow(() -> new ProvisioningException(
                            Reason.UNKNOWN_PLAN, "no " + kind + " with id " + id + " exists on the server"));
            throw notOwners(
                    kind + " " + id + " ('" + plan.getPlanName() + "', owned by user " + plan.getUserId() + ")",
                    whose,
                    ownerId,
                    planOwner);
        }
        Integer found = catalog(key, false).byName().get(normal(name));
        if (found == null) {
            found = catalog(key, true).byName().get(normal(name));
        }
        if (found != null) {
            return found;
        }
        if (planOwner != adminPlanOwnerId) {
            Integer administrators =
                    catalog(new Key(adminPlanOwnerId, addon), false).byName().get(normal(name));
            if (administrators != null) {
                throw notOwners(
                        kind + " '" + name + "' (id " + administrators + ", an administrator's plan, owned by user "
                                + adminPlanOwnerId + ")",
                        whose,
                        ownerId,
                        planOwner);
            }
        }
        throw new ProvisioningException(
                Reason.UNKNOWN_PLAN,
                "no " + kind + " named '" + name + "' exists among the plans of user " + planOwner + " (known: "
                        + catalog(key, false).byName().keySet().stream()
                                .sorted()
                                .collect(Collectors.joining(", "))
                        + ")");
    }

    private static ProvisioningException notOwners(String plan, String whose, int ownerId, int planOwner) {
        return new ProvisioningException(
                Reason.PLAN_NOT_OWNERS,
                plan + " is not a plan of the owner of " + whose + " (owner: user " + ownerId
                        + (planOwner == ownerId ? "" : ", whose plans are those of user " + planOwner)
                        + "): the server would place the space outside its owner's space and limits; give the"
                        + " customer one of its owner's plans");
    }

    /** Whose plans a user owned by {@code ownerId} uses: its owner's, or the administrators' for an administrator. */
    private int planOwnerOf(int ownerId) {
        if (ownerId == adminPlanOwnerId) {
            return ownerId;
        }
        return planOwnerOfOwner.computeIfAbsent(ownerId, owner -> {
            Optional<UserInfo> user = client.getUserById(owner);
            return user.isEmpty() || user.get().getRoleId() == ROLE_ADMINISTRATOR ? adminPlanOwnerId : owner;
        });
    }

    /** The cached plans of one owner, loaded when missing or asked to reload. */
    private Catalog catalog(Key key, boolean reload) {
        Catalog seen = catalogs.get(key);
        if (seen != null && !reload) {
            return seen;
        }
        // One load at a time per owner: the workers that start together would otherwise each ask the server for the
        // same plans; a thread that waited takes what the load before it brought.
        synchronized (loadLocks.computeIfAbsent(key, k -> new Object())) {
            Catalog now = catalogs.get(key);
            if (now != null && now != seen) {
                return now;
            }
            Catalog loaded = fetch(key);
            catalogs.put(key, loaded);
            return loaded;
        }
    }

    private Catalog fetch(Key key) {
        List<Map<String, String>> rows =
                key.addon() ? client.getHostingAddons(key.planOwnerId()) : client.getHostingPlans(key.planOwnerId());
        Map<String, Integer> names = new HashMap<>();
        Set<Integer> ids = new HashSet<>();
        for (Map<String, String> row : rows) {
            if (row.get("PlanID") != null) {
                int id = Integer.parseInt(row.get("PlanID").strip());
                ids.add(id);
                if (row.get("PlanName") != null) {
                    names.putIfAbsent(normal(row.get("PlanName")), id);
                }
            }
        }
        return new Catalog(Map.copyOf(names), Set.copyOf(ids));
    }

    private static String normal(String name) {
        return name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    }
}
