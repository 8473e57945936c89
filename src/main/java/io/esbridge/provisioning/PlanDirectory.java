package io.esbridge.provisioning;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import io.esbridge.client.EnterpriseServerClient;

/**
 * Resolves hosting plan and add-on plan names to their ids on the server (GetHostingPlans / GetHostingAddons of the
 * plan owner), cached and reloaded once when a name is not found, so plans created meanwhile are seen.
 */
@Component
public class PlanDirectory {

    private final EnterpriseServerClient client;
    private final int ownerId;
    private volatile Map<String, Integer> plans;
    private volatile Map<String, Integer> addons;

    public PlanDirectory(EnterpriseServerClient client, ProvisioningProperties properties) {
        this.client = client;
        this.ownerId = properties.planOwnerId();
    }

    public int hostingPlanId(Integer id, String name) {
        return planId(id, name, false);
    }

    public int addonPlanId(Integer id, String name) {
        return planId(id, name, true);
    }

    /** Forget what is cached (after plans were created or renamed). */
    public void refresh() {
        plans = null;
        addons = null;
    }

    private int planId(Integer id, String name, boolean addon) {
        if (id != null) {
            return id;
        }
        Integer found = names(addon, false).get(normal(name));
        if (found == null) {
            found = names(addon, true).get(normal(name));
        }
        if (found == null) {
            throw new ProvisioningException(
                    ProvisioningException.Reason.UNKNOWN_PLAN,
                    "no "
                            + (addon ? "add-on plan" : "hosting plan") + " named '" + name
                            + "' exists on the server (known: "
                            + names(addon, false).keySet().stream().sorted().collect(Collectors.joining(", ")) + ")");
        }
        return found;
    }

    /** The cached names of plans or add-on plans, loaded when missing or asked to reload. */
    private Map<String, Integer> names(boolean addon, boolean reload) {
        Map<String, Integer> seen = addon ? addons : plans;
        if (seen != null && !reload) {
            return seen;
        }
        // One load at a time: the workers that start together would otherwise each ask the server for the same
        // plans; a thread that waited takes what the load before it brought.
        synchronized (this) {
            Map<String, Integer> now = addon ? addons : plans;
            if (now != null && now != seen) {
                return now;
            }
            Map<String, Integer> loaded = fetch(addon);
            if (addon) {
                addons = loaded;
            } else {
                plans = loaded;
            }
            return loaded;
        }
    }

    private Map<String, Integer> fetch(boolean addon) {
        var rows = addon ? client.getHostingAddons(ownerId) : client.getHostingPlans(ownerId);
        Map<String, Integer> names = new ConcurrentHashMap<>();
        for (Map<String, String> row : rows) {
            if (row.get("PlanName") != null && row.get("PlanID") != null) {
                names.putIfAbsent(
                        normal(row.get("PlanName")),
                        Integer.parseInt(row.get("PlanID").strip()));
            }
        }
        return names;
    }

    private static String normal(String name) {
        return name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    }
}
